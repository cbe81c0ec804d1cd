package dev.tradefleet.connector.venue;

import java.math.BigDecimal;
import java.time.Instant;

/** One trade of one of the account's orders, as the venue reports it. */
public record VenueTrade(String tradeId, String venueOrderId, BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity,
                         BigDecimal fee, String feeAsset, boolean maker, Instant time) {
}
