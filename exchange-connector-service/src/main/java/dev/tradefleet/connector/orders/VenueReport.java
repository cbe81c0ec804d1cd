package dev.tradefleet.connector.orders;

import dev.tradefleet.connector.venue.VenueOrder;
import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.contracts.trading.OrderStatus;

import java.math.BigDecimal;
import java.util.List;

/** What the venue said about one order: its state, and the trades of it we have fetched (maybe none yet). */
public record VenueReport(OrderStatus status, String venueOrderId, BigDecimal executedQuantity, BigDecimal cumulativeQuoteQuantity,
                          String reasonCode, String reasonMessage, List<VenueTrade> trades) {

    public static VenueReport of(VenueOrder order, List<VenueTrade> trades) {
        return new VenueReport(order.status(), order.venueOrderId(), order.executedQuantity(), order.cumulativeQuoteQuantity(),
                null, null, trades);
    }

    public static VenueReport rejected(String code, String message) {
        return new VenueReport(OrderStatus.REJECTED, null, BigDecimal.ZERO, BigDecimal.ZERO, code, message, List.of());
    }

    public static VenueReport unknown() {
        return new VenueReport(OrderStatus.UNKNOWN, null, BigDecimal.ZERO, BigDecimal.ZERO, null, null, List.of());
    }
}
