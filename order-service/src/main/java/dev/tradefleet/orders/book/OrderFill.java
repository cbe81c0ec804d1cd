package dev.tradefleet.orders.book;

import java.math.BigDecimal;
import java.time.Instant;

/** One trade of an order, with the fee the venue charged for it (negative for a rebate). */
public record OrderFill(String tradeId, BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal fee, String feeAsset,
                        boolean maker, Instant time) {
}
