package dev.tradefleet.orders.performance;

import dev.tradefleet.orders.positions.ClosedTrade;
import dev.tradefleet.orders.positions.ExitType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The metrics example of {@code docs/pnl.md}, figure by figure. */
class PerformanceMetricsTest {

    private static final Instant DAY_ONE = Instant.parse("2026-11-01T09:00:00Z");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static ClosedTrade trade(int day, String entry, String exit, String entryFees, String exitFees, Duration held) {
        BigDecimal gross = d(exit).subtract(d(entry));
        BigDecimal net = gross.subtract(d(entryFees)).subtract(d(exitFees));
        Instant closed = DAY_ONE.plus(Duration.ofDays(day - 1)).plus(Duration.ofHours(5));
        return new ClosedTrade(UUID.randomUUID(), UUID.randomUUID(), BigDecimal.ONE, d(entry), d(exit), d(entryFees), d(exitFees), gross, net,
                BigDecimal.ZERO, closed.minus(held), closed, ExitType.MANUAL);
    }

    static List<ClosedTrade> metricsExample() {
        return List.of(
                trade(1, "100", "110", "0.1", "0.11", Duration.ofHours(1)),
                trade(2, "110", "104.5", "0.11", "0.1045", Duration.ofHours(2)),
                trade(2, "100", "100", "0", "0", Duration.ofMinutes(30)),
                trade(3, "104", "114.4", "0.104", "0.1144", Duration.ofMinutes(210)));
    }

    @Test
    void theMetricsExampleOfThePnlDocument() {
        PerformanceMetrics metrics = PerformanceMetrics.of(metricsExample());
        assertEquals(4, metrics.totalTrades());
        assertEquals(2, metrics.winningTrades());
        assertEquals(1, metrics.losingTrades());
        assertEquals(1, metrics.evenTrades());
        assertEquals(d("50.0000"), metrics.winRate());
        assertEquals(d("19.9716"), metrics.grossProfit());
        assertEquals(d("-5.7145"), metrics.grossLoss());
        assertEquals(d("3.4949"), metrics.profitFactor());
        assertEquals(d("14.2571"), metrics.netPnl());
        assertEquals(d("3.56427500"), metrics.averagePnlPerTrade());
        assertEquals(d("9.98580000"), metrics.averageWin());
        assertEquals(d("-5.71450000"), metrics.averageLoss());
        assertEquals(d("10.1816"), metrics.largestWin());
        assertEquals(d("-5.7145"), metrics.largestLoss());
        assertEquals(0, d("0.6429").compareTo(metrics.totalFees()));
        assertEquals(0, d("5.7145").compareTo(metrics.maxDrawdown()));
        assertEquals(d("14.8633"), metrics.sharpeRatio());
        assertEquals(Duration.ofMinutes(105), metrics.averageHoldTime());
        assertEquals(0, d("842.9").compareTo(metrics.volume()));
        assertEquals(d("3.4437"), metrics.roiPercentage());
    }

    @Test
    void figuresWithoutMeaningForTheTradesAreNull() {
        PerformanceMetrics none = PerformanceMetrics.of(List.of());
        assertEquals(0, none.totalTrades());
        assertNull(none.winRate());
        assertNull(none.profitFactor());
        assertNull(none.averagePnlPerTrade());
        assertNull(none.sharpeRatio());
        PerformanceMetrics oneDayNoLoss = PerformanceMetrics.of(metricsExample().subList(0, 1));
        assertNull(oneDayNoLoss.profitFactor(), "no loss to divide by");
        assertNull(oneDayNoLoss.sharpeRatio(), "one day has no spread");
        assertEquals(0, BigDecimal.ZERO.compareTo(oneDayNoLoss.maxDrawdown()));
    }
}
