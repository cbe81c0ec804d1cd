package dev.tradefleet.orders.positions;

import dev.tradefleet.contracts.trading.OrderSide;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One fill of one of the trader's orders on a symbol, as the position book takes it: what traded, at what price, and
 * the fee already valued in the symbol's quote asset (a fee in the quote asset as it is; in the base asset at the
 * fill's price; in a third asset at that asset's price when the fill happened). {@code feeInBase} is the part of the
 * fee the venue took in the base asset, which the holding does not receive (or additionally gives up); negative for a
 * rebate paid in it.
 */
public record Execution(UUID orderId, String role, OrderSide side, BigDecimal price, BigDecimal quantity, BigDecimal feeValue,
                        BigDecimal feeInBase, Instant time) {

    public Execution {
        if (price.signum() <= 0 || quantity.signum() <= 0) {
            throw new IllegalArgumentException("a fill has a positive price and quantity");
        }
        if (feeInBase.abs().compareTo(quantity) >= 0) {
            throw new IllegalArgumentException("a fee (or a rebate, negative) in the base asset is less than the quantity traded");
        }
    }
}
