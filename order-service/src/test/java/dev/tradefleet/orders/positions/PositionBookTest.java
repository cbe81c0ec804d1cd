package dev.tradefleet.orders.positions;

import dev.tradefleet.contracts.trading.OrderSide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The worked example of {@code docs/pnl.md}, to the last decimal, and the rules around it. */
class PositionBookTest {

    private static final Instant TEN = Instant.parse("2026-11-20T10:00:00Z");
    private static final UUID ENTRY = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    private static final UUID ADD = UUID.fromString("00000000-0000-0000-0000-00000000e002");
    private static final UUID TP1 = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    private static final UUID SL = UUID.fromString("00000000-0000-0000-0000-00000000b001");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Execution fill(UUID order, String role, OrderSide side, String price, String quantity, String feeValue, String feeInBase,
                                  int hour) {
        return new Execution(order, role, side, d(price), d(quantity), d(feeValue), d(feeInBase), TEN.plus(Duration.ofHours(hour - 10)));
    }

    /** docs/pnl.md, "A worked example". */
    static List<Execution> workedExample() {
        return List.of(
                // 0.010 BTC at 60,000, the 0.1% fee taken in BTC: 0.00999 BTC held, the fee worth 0.6 USDT
                fill(ENTRY, "ENTRY", OrderSide.BUY, "60000", "0.010", "0.60000", "0.00001", 10),
                // 0.005 BTC more at 62,000, the fee of 0.31 USDT in USDT
                fill(ADD, "ENTRY", OrderSide.BUY, "62000", "0.005", "0.31", "0", 11),
                // the first take-profit sells 0.006 BTC at 63,000 for 0.378 USDT of fee
                fill(TP1, "TP1", OrderSide.SELL, "63000", "0.006", "0.378", "0", 12),
                // the stop sells the remaining 0.00899 BTC at 59,000 for 0.53041 USDT of fee
                fill(SL, "SL", OrderSide.SELL, "59000", "0.00899", "0.53041", "0", 13));
    }

    @Test
    void theWorkedExampleOfThePnlDocument() {
        List<ClosedTrade> trades = PositionBook.of(workedExample(), Set.of()).closedTrades();
        assertEquals(List.of(
                new ClosedTrade(ENTRY, TP1, d("0.006"), d("60000"), d("63000"), d("0.360360360360360360"), d("0.378"), d("18.000"),
                        d("17.261639639639639640"), d("4.7949"), TEN, TEN.plus(Duration.ofHours(2)), ExitType.TP),
                new ClosedTrade(ENTRY, SL, d("0.00399"), d("60000"), d("59000"), d("0.239639639639639640"), d("0.235410000000000000"),
                        d("-3.99000"), d("-4.465049639639639640"), d("-1.8651"), TEN, TEN.plus(Duration.ofHours(3)), ExitType.SL),
                new ClosedTrade(ADD, SL, d("0.005"), d("62000"), d("59000"), d("0.31"), d("0.295000000000000000"), d("-15.000"),
                        d("-15.605000000000000000"), d("-5.0339"), TEN.plus(Duration.ofHours(1)), TEN.plus(Duration.ofHours(3)), ExitType.SL)),
                trades);
        BigDecimal net = trades.stream().map(ClosedTrade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        // what the account paid and got, in USDT: 600 + 310 + 0.31 out; 378 − 0.378 + 530.41 − 0.53041 in
        assertEquals(0, d("-2.80841").compareTo(net), "the PnL is the cash: " + net);
        BigDecimal entryFees = trades.stream().map(ClosedTrade::entryFees).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, d("0.91").compareTo(entryFees), "fee shares add up to the fees exactly");
        assertEquals(Duration.ofHours(2), trades.get(0).holdTime());
    }

    @Test
    void theBookIsTheSameWhateverOrderItsFillsArriveIn() {
        List<ClosedTrade> expected = PositionBook.of(workedExample(), Set.of()).closedTrades();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<Execution> shuffled = new ArrayList<>(workedExample());
            Collections.shuffle(shuffled, random);
            assertEquals(expected, PositionBook.of(shuffled, Set.of()).closedTrades(), shuffled.toString());
        }
    }

    @Test
    void anOpenPositionHasItsQuantityAverageFeesAndUnrealizedPnl() {
        PositionBook book = PositionBook.of(workedExample().subList(0, 3), Set.of());
        assertEquals(0, d("0.00899").compareTo(book.openQuantity()), "0.00999 + 0.005 − 0.006");
        // (60000 × 0.00399 + 62000 × 0.005) / 0.00899 = 549.4 / 0.00899
        assertEquals(d("61112.347052280311"), book.averageEntryPrice());
        assertEquals(0, d("0.549639639639639640").compareTo(book.openFees()), "0.6 − 0.36036… + 0.31");
        assertEquals(0, d("17.9589").compareTo(book.unrealizedPnl(d("63110"))), "63110 × 0.00899 − 549.4");
        assertEquals(TEN, book.openedAt());
        PositionBook closed = PositionBook.of(workedExample(), Set.of());
        assertEquals(0, closed.openQuantity().signum());
        assertNull(closed.averageEntryPrice());
    }

    @Test
    void aStopMovedToBreakEvenClosesAsBreakEvenAndSellingMoreThanThePlatformBoughtIsUntracked() {
        List<Execution> fills = new ArrayList<>(workedExample().subList(0, 1));
        fills.add(fill(SL, "SL", OrderSide.SELL, "60000", "0.012", "0.72", "0", 12));
        PositionBook book = PositionBook.of(fills, Set.of(SL));
        ClosedTrade trade = book.closedTrades().get(0);
        assertEquals(ExitType.BREAKEVEN, trade.exitType());
        assertEquals(0, d("0.00999").compareTo(trade.quantity()), "only what the platform's buy holds");
        assertEquals(0, d("0.00201").compareTo(book.untrackedSold()), "the rest came from elsewhere: no PnL for it");
        assertEquals(0, d("0.59940").compareTo(trade.exitFees()), "the sell's fee for the part matched: 0.72 × 0.00999 / 0.012");
    }

    @Test
    void aSellWhoseFeeTheVenueTookInTheBaseAssetGivesUpThatMuchMore() {
        List<Execution> fills = List.of(fill(ENTRY, "ENTRY", OrderSide.BUY, "100", "2", "0", "0", 10),
                fill(TP1, "TP1", OrderSide.SELL, "110", "1", "0.11", "0.001", 11));
        PositionBook book = PositionBook.of(fills, Set.of());
        ClosedTrade trade = book.closedTrades().get(0);
        assertEquals(0, d("1.001").compareTo(trade.quantity()));
        assertEquals(0, d("9.90").compareTo(trade.netPnl()), "received 110 for 1.001 that cost 100.1");
        assertEquals(0, d("0.999").compareTo(book.openQuantity()));
    }
}
