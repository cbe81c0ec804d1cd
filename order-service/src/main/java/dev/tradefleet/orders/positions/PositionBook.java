package dev.tradefleet.orders.positions;

import dev.tradefleet.contracts.trading.OrderSide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A trader's holding of one symbol on one account, built from the fills of their orders first in, first out. A
 * buy opens a lot (what it received, at its price, with its fee); a sell closes the oldest lots first, one
 * {@link ClosedTrade} per lot it reaches. Spot only: a sell beyond the lots sells coins bought outside the platform,
 * counted as untracked, with no PnL.
 *
 * <p>Fees are in the quote asset. A buy whose fee the venue took in the base asset holds that much less; a sell whose
 * fee was in the base asset gives up that much more, closed at the sell's price. A fee shared between trades (a
 * lot closed in parts, a sell across lots) is split pro rata to {@value #FEE_SCALE} decimals, half-even, and the last
 * part takes what is left, so the parts always add up to the fee exactly.
 *
 * <p>The book is a function of the set of fills, not of the order they arrived in: {@link #of} replays them in time
 * order (fills of the same instant in the order given, which the repository makes trade id order).
 */
public final class PositionBook {

    static final int FEE_SCALE = 18;
    private static final int PERCENT_SCALE = 4;
    private static final int PRICE_SCALE = 12;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final class Lot {
        private final UUID orderId;
        private final Instant openedAt;
        private final BigDecimal price;
        private BigDecimal quantity;
        private BigDecimal fees;

        private Lot(UUID orderId, Instant openedAt, BigDecimal price, BigDecimal quantity, BigDecimal fees) {
            this.orderId = orderId;
            this.openedAt = openedAt;
            this.price = price;
            this.quantity = quantity;
            this.fees = fees;
        }
    }

    private final Deque<Lot> lots = new ArrayDeque<>();
    private final List<ClosedTrade> closed = new ArrayList<>();
    private BigDecimal untracked = BigDecimal.ZERO;

    /**
     * The book of these fills, in time order whatever order they are given in.
     *
     * @param breakevenStops the stop orders that had been moved to break-even when they filled
     */
    public static PositionBook of(List<Execution> fills, Set<UUID> breakevenStops) {
        PositionBook book = new PositionBook();
        fills.stream().sorted(Comparator.comparing(Execution::time)).forEach(fill -> book.apply(fill, breakevenStops.contains(fill.orderId())));
        return book;
    }

    private void apply(Execution fill, boolean breakeven) {
        if (fill.side() == OrderSide.BUY) {
            BigDecimal received = fill.quantity().subtract(fill.feeInBase());
            if (received.signum() > 0) {
                lots.addLast(new Lot(fill.orderId(), fill.time(), fill.price(), received, fill.feeValue()));
            }
            return;
        }
        BigDecimal toClose = fill.quantity().add(fill.feeInBase());
        BigDecimal matched = lots.stream().map(lot -> lot.quantity).reduce(BigDecimal.ZERO, BigDecimal::add).min(toClose);
        untracked = untracked.add(toClose.subtract(matched));
        BigDecimal exitFeesLeft = share(fill.feeValue(), matched, toClose);
        BigDecimal left = matched;
        while (left.signum() > 0) {
            Lot lot = lots.peekFirst();
            BigDecimal quantity = lot.quantity.min(left);
            BigDecimal entryFees = share(lot.fees, quantity, lot.quantity);
            BigDecimal exitFees = share(exitFeesLeft, quantity, left);
            closed.add(trade(lot, fill, quantity, entryFees, exitFees, breakeven));
            lot.quantity = lot.quantity.subtract(quantity);
            lot.fees = lot.fees.subtract(entryFees);
            exitFeesLeft = exitFeesLeft.subtract(exitFees);
            left = left.subtract(quantity);
            if (lot.quantity.signum() == 0) {
                lots.removeFirst();
            }
        }
    }

    /** {@code part} of {@code whole} of an amount; all of what is left when the part is the whole. */
    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        return part.compareTo(whole) == 0 ? amount : amount.multiply(part).divide(whole, FEE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static ClosedTrade trade(Lot lot, Execution exit, BigDecimal quantity, BigDecimal entryFees, BigDecimal exitFees, boolean breakeven) {
        BigDecimal gross = exit.price().subtract(lot.price).multiply(quantity);
        BigDecimal net = gross.subtract(entryFees).subtract(exitFees);
        BigDecimal percentage = net.multiply(HUNDRED).divide(lot.price.multiply(quantity), PERCENT_SCALE, RoundingMode.HALF_EVEN);
        return new ClosedTrade(lot.orderId, exit.orderId(), quantity, lot.price, exit.price(), entryFees, exitFees, gross, net, percentage,
                lot.openedAt, exit.time(), ExitType.of(exit.role(), breakeven));
    }

    /** The trades closed so far, oldest first. */
    public List<ClosedTrade> closedTrades() {
        return List.copyOf(closed);
    }

    /** What is held of the symbol from the platform's buys. */
    public BigDecimal openQuantity() {
        return lots.stream().map(lot -> lot.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the open quantity cost, at the prices it was bought at (fees apart). */
    public BigDecimal openCost() {
        return lots.stream().map(lot -> lot.price.multiply(lot.quantity)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The open quantity's average entry price, to {@value #PRICE_SCALE} decimals, half-even; null when nothing is open. */
    public BigDecimal averageEntryPrice() {
        BigDecimal quantity = openQuantity();
        return quantity.signum() == 0 ? null : openCost().divide(quantity, PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** The entry fees of the open quantity, not yet part of any closed trade. */
    public BigDecimal openFees() {
        return lots.stream().map(lot -> lot.fees).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** When the oldest open lot was bought; null when nothing is open. */
    public Instant openedAt() {
        return lots.isEmpty() ? null : lots.peekFirst().openedAt;
    }

    /** The open quantity's gain at {@code lastPrice}, before any fee: {@code lastPrice × quantity − cost}. */
    public BigDecimal unrealizedPnl(BigDecimal lastPrice) {
        return lastPrice.multiply(openQuantity()).subtract(openCost());
    }

    /** Sold beyond what the platform's buys hold: coins from elsewhere, with no PnL here. */
    public BigDecimal untrackedSold() {
        return untracked;
    }
}
