package dev.tradefleet.connector.venue;

import dev.tradefleet.contracts.trading.OrderStatus;

import java.math.BigDecimal;

/** An order as the venue reports it, in the fleet's terms. */
public record VenueOrder(String symbol, String clientOrderId, String venueOrderId, OrderStatus status,
                         BigDecimal executedQuantity, BigDecimal cumulativeQuoteQuantity) {
}
