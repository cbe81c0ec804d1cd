package dev.tradefleet.orders.performance;

import dev.tradefleet.orders.positions.ClosedTrade;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trader's performance over a set of closed trades, each figure as {@code docs/pnl.md} defines it: a trade is won,
 * lost or even by the sign of its net PnL; ratios are rounded half-even to {@value #RATIO_SCALE} decimals, averages to
 * {@value #AMOUNT_SCALE}; a figure that has no meaning for the trades (a profit factor without a loss, a Sharpe ratio
 * of fewer than two days) is null.
 */
public record PerformanceMetrics(int totalTrades, int winningTrades, int losingTrades, int evenTrades, BigDecimal winRate,
                                 BigDecimal grossProfit, BigDecimal grossLoss, BigDecimal profitFactor, BigDecimal netPnl,
                                 BigDecimal averagePnlPerTrade, BigDecimal averageWin, BigDecimal averageLoss, BigDecimal largestWin,
                                 BigDecimal largestLoss, BigDecimal totalFees, BigDecimal maxDrawdown, BigDecimal sharpeRatio,
                                 Duration averageHoldTime, BigDecimal volume, BigDecimal roiPercentage) {

    static final int RATIO_SCALE = 4;
    static final int AMOUNT_SCALE = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Crypto trades every day of the year: daily figures are annualized over 365 days. */
    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);
    private static final MathContext ROOTS = MathContext.DECIMAL64;

    public static PerformanceMetrics of(List<ClosedTrade> trades) {
        List<ClosedTrade> inOrder = trades.stream().sorted(Comparator.comparing(ClosedTrade::closedAt)).toList();
        List<BigDecimal> wins = new ArrayList<>();
        List<BigDecimal> losses = new ArrayList<>();
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        Duration held = Duration.ZERO;
        for (ClosedTrade trade : inOrder) {
            if (trade.netPnl().signum() > 0) {
                wins.add(trade.netPnl());
            } else if (trade.netPnl().signum() < 0) {
                losses.add(trade.netPnl());
            }
            fees = fees.add(trade.entryFees()).add(trade.exitFees());
            cost = cost.add(trade.entryPrice().multiply(trade.quantity()));
            volume = volume.add(trade.entryPrice().multiply(trade.quantity())).add(trade.exitPrice().multiply(trade.quantity()));
            held = held.plus(trade.holdTime());
        }
        int total = inOrder.size();
        BigDecimal grossProfit = sum(wins);
        BigDecimal grossLoss = sum(losses);
        BigDecimal net = grossProfit.add(grossLoss);
        return new PerformanceMetrics(total, wins.size(), losses.size(), total - wins.size() - losses.size(),
                total == 0 ? null : ratio(BigDecimal.valueOf(wins.size()).multiply(HUNDRED), BigDecimal.valueOf(total)),
                grossProfit, grossLoss, losses.isEmpty() ? null : ratio(grossProfit, grossLoss.negate()), net,
                average(net, total), average(grossProfit, wins.size()), average(grossLoss, losses.size()),
                wins.stream().max(Comparator.naturalOrder()).orElse(null), losses.stream().min(Comparator.naturalOrder()).orElse(null),
                fees, maxDrawdown(inOrder), sharpe(inOrder), total == 0 ? null : held.dividedBy(total), volume,
                total == 0 ? null : ratio(net.multiply(HUNDRED), cost));
    }

    /** The deepest fall of cumulative net PnL below its running peak (which starts at zero), trade by trade. */
    static BigDecimal maxDrawdown(List<ClosedTrade> inOrder) {
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        BigDecimal deepest = BigDecimal.ZERO;
        for (ClosedTrade trade : inOrder) {
            cumulative = cumulative.add(trade.netPnl());
            peak = peak.max(cumulative);
            deepest = deepest.max(peak.subtract(cumulative));
        }
        return deepest;
    }

    /**
     * Mean over sample standard deviation of the daily returns, times √365. A day's return is the net PnL of the trades
     * closed that day (UTC) over what their entries cost; days without a closed trade have none.
     */
    static BigDecimal sharpe(List<ClosedTrade> inOrder) {
        Map<LocalDate, BigDecimal[]> days = new TreeMap<>();
        for (ClosedTrade trade : inOrder) {
            BigDecimal[] day = days.computeIfAbsent(LocalDate.ofInstant(trade.closedAt(), ZoneOffset.UTC),
                    d -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            day[0] = day[0].add(trade.netPnl());
            day[1] = day[1].add(trade.entryPrice().multiply(trade.quantity()));
        }
        if (days.size() < 2) {
            return null;
        }
        List<BigDecimal> returns = days.values().stream().map(day -> day[0].divide(day[1], ROOTS)).toList();
        BigDecimal n = BigDecimal.valueOf(returns.size());
        BigDecimal mean = sum(returns).divide(n, ROOTS);
        BigDecimal squares = returns.stream().map(r -> r.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal deviation = squares.divide(n.subtract(BigDecimal.ONE), ROOTS).sqrt(ROOTS);
        return deviation.signum() == 0 ? null
                : mean.divide(deviation, ROOTS).multiply(DAYS_A_YEAR.sqrt(ROOTS)).setScale(RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal average(BigDecimal total, int count) {
        return count == 0 ? null : total.divide(BigDecimal.valueOf(count), AMOUNT_SCALE, RoundingMode.HALF_EVEN);
    }
}
