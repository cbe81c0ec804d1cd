package dev.tradefleet.orders.positions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A quantity bought by one order and sold by another: one row of the trade history. PnL is in the quote asset:
 * {@code grossPnl = (exitPrice − entryPrice) × quantity}, {@code netPnl = grossPnl − entryFees − exitFees}, and
 * {@code pnlPercentage = netPnl ÷ (entryPrice × quantity) × 100} to 4 decimals, half-even.
 */
public record ClosedTrade(UUID entryOrderId, UUID exitOrderId, BigDecimal quantity, BigDecimal entryPrice, BigDecimal exitPrice,
                          BigDecimal entryFees, BigDecimal exitFees, BigDecimal grossPnl, BigDecimal netPnl, BigDecimal pnlPercentage,
                          Instant openedAt, Instant closedAt, ExitType exitType) {

    public Duration holdTime() {
        return Duration.between(openedAt, closedAt);
    }
}
