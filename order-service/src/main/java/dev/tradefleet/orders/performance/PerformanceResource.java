package dev.tradefleet.orders.performance;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradefleet.orders.placing.PlaceOrderRequest;
import dev.tradefleet.orders.positions.PositionsService;
import dev.tradefleet.orders.trader.Trader;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/performance/metrics?period=daily|weekly|monthly|all} (seed 002, its snake_case shape and more):
 * the trader's performance over the trades closed in the current day, ISO week or month (UTC), or ever, on one
 * exchange or all. Every figure is defined in {@code docs/pnl.md}.
 */
@Path("/performance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
@RequestScoped
public class PerformanceResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Metrics(String period, Instant periodStart, Instant periodEnd, String exchange, int totalTrades, int winningTrades,
                          int losingTrades, int evenTrades, BigDecimal winRate, BigDecimal grossProfit, BigDecimal grossLoss,
                          BigDecimal profitFactor, BigDecimal totalNetPnl, BigDecimal averagePnlPerTrade, BigDecimal averageWin,
                          BigDecimal averageLoss, BigDecimal largestWin, BigDecimal largestLoss, BigDecimal totalFees, BigDecimal maxDrawdown,
                          BigDecimal sharpeRatio, Long averageHoldSeconds, BigDecimal volume, BigDecimal roiPercentage) {
    }

    @Inject
    Trader trader;
    @Inject
    PositionsService positions;

    @GET
    @Path("/metrics")
    public Uni<Metrics> metrics(
            @QueryParam("period") @DefaultValue("all") @Pattern(regexp = "daily|weekly|monthly|all",
                    message = "must be one of daily, weekly, monthly, all") String period,
            @QueryParam("exchange") @Pattern(regexp = PlaceOrderRequest.EXCHANGES, message = PlaceOrderRequest.EXCHANGES_MESSAGE)
            String exchange) {
        Instant now = Instant.now();
        Instant start = start(period, LocalDate.ofInstant(now, ZoneOffset.UTC));
        String venue = exchange == null ? null : exchange.toLowerCase(Locale.ROOT);
        return positions.history(trader, start).map(closed -> {
            PerformanceMetrics m = PerformanceMetrics.of(closed.stream()
                    .filter(entry -> venue == null || entry.getKey().exchange().equals(venue)).map(Map.Entry::getValue).toList());
            return new Metrics(period.toUpperCase(Locale.ROOT), start, now, venue, m.totalTrades(), m.winningTrades(), m.losingTrades(),
                    m.evenTrades(), m.winRate(), m.grossProfit(), m.grossLoss(), m.profitFactor(), m.netPnl(), m.averagePnlPerTrade(),
                    m.averageWin(), m.averageLoss(), m.largestWin(), m.largestLoss(), m.totalFees(), m.maxDrawdown(), m.sharpeRatio(),
                    m.averageHoldTime() == null ? null : m.averageHoldTime().toSeconds(), m.volume(), m.roiPercentage());
        });
    }

    private static Instant start(String period, LocalDate today) {
        LocalDate first = switch (period) {
            case "daily" -> today;
            case "weekly" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "monthly" -> today.withDayOfMonth(1);
            default -> LocalDate.EPOCH;
        };
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
