package dev.tradefleet.orders.positions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradefleet.orders.trader.Trader;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import dev.tradefleet.orders.lists.ListQuery;
import dev.tradefleet.orders.placing.PlaceOrderRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The earlier system's position and trade-history reads (seed 002), in its shapes (snake_case keys), under the
 * gateway's {@code /api}: what the server computed from the trader's fills, so that the browser only shows it.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
@RequestScoped
public class PortfolioResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OpenPosition(String id, UUID credentialId, String exchange, String environment, String symbol, String side,
                               BigDecimal quantity, BigDecimal entryPrice, BigDecimal cost, BigDecimal entryFees,
                               Map<String, BigDecimal> unvaluedFees, BigDecimal currentPrice, BigDecimal unrealizedPnl,
                               BigDecimal unrealizedPnlPercentage, int leverage, Instant openedAt, BigDecimal untrackedSold) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OpenPositions(List<OpenPosition> positions, BigDecimal totalUnrealizedPnl, int totalPositions) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Trade(String id, String exchange, String environment, String symbol, String side, UUID entryOrderId, UUID exitOrderId,
                        BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal quantity, BigDecimal entryFees, BigDecimal exitFees,
                        BigDecimal grossPnl, BigDecimal netPnl, BigDecimal pnlPercentage, String exitType, String holdDuration,
                        long holdSeconds, Instant entryTime, Instant exitTime) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TradeHistory(String period, List<Trade> trades, int totalTrades, BigDecimal totalPnl) {
    }

    @Inject
    Trader trader;
    @Inject
    PositionsService positions;

    /**
     * Open positions; where the symbol's price cannot be read now, a position comes without its current price and
     * unrealized PnL. {@code untracked_sold} is what the account sold beyond the platform's buys (coins from elsewhere).
     */
    @GET
    @Path("positions/open")
    public Uni<OpenPositions> open() {
        return positions.open(trader).map(open -> {
            List<OpenPosition> views = open.stream().map(entry -> view(entry.getKey(), entry.getValue())).toList();
            BigDecimal total = views.stream().map(OpenPosition::unrealizedPnl).filter(pnl -> pnl != null).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new OpenPositions(views, total, views.size());
        });
    }

    /** Which closed trades a history shows: the period, narrowed by symbol, exchange and a time range; one page of them. */
    public static final class HistoryQuery extends ListQuery {
        @QueryParam("period") @DefaultValue("30d")
        @Pattern(regexp = "[1-9][0-9]{0,3}d|all", message = "must be a number of days such as 30d, or all")
        String period;
        @QueryParam("symbol") @Pattern(regexp = PlaceOrderRequest.SYMBOL, message = PlaceOrderRequest.SYMBOL_MESSAGE)
        String symbol;
        @QueryParam("exchange") @Pattern(regexp = PlaceOrderRequest.EXCHANGES, message = PlaceOrderRequest.EXCHANGES_MESSAGE)
        String exchange;

        Instant since() {
            Instant start = period.equals("all") ? Instant.EPOCH
                    : Instant.now().minus(Duration.ofDays(Long.parseLong(period.substring(0, period.length() - 1))));
            Instant after = after();
            return after != null && after.isAfter(start) ? after : start;
        }

        boolean shows(Trade trade, Instant before) {
            return (symbol == null || trade.symbol().equalsIgnoreCase(symbol))
                    && (exchange == null || trade.exchange().equalsIgnoreCase(exchange))
                    && (before == null || trade.exitTime().isBefore(before));
        }
    }

    /** Closed trades, newest first, a page at a time; the totals are of every trade the query matches. */
    @GET
    @Path("trades/history")
    public Uni<TradeHistory> history(@Valid @BeanParam HistoryQuery query) {
        return matching(query).map(trades -> new TradeHistory(query.period, trades.stream().skip(query.first()).limit(query.count()).toList(),
                trades.size(), trades.stream().map(Trade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    /** The same trades as CSV, every one the query matches (no paging): a spreadsheet's copy of the history. */
    @GET
    @Path("trades/history")
    @Produces("text/csv")
    public Uni<Response> historyCsv(@Valid @BeanParam HistoryQuery query) {
        return matching(query).map(trades -> {
            StringBuilder csv = new StringBuilder(TradeCsv.HEADER);
            trades.forEach(trade -> csv.append(TradeCsv.row(trade)));
            return Response.ok(csv.toString(), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"trade-history.csv\"").build();
        });
    }

    private Uni<List<Trade>> matching(HistoryQuery query) {
        Instant since = query.since();
        Instant before = query.before();
        return positions.history(trader, since).map(closed -> closed.stream().map(entry -> view(entry.getKey(), entry.getValue()))
                .filter(trade -> query.shows(trade, before)).toList());
    }

    private static OpenPosition view(PositionsService.Position position, Optional<BigDecimal> lastPrice) {
        PositionBook book = position.book();
        BigDecimal unrealized = lastPrice.map(book::unrealizedPnl).orElse(null);
        BigDecimal percentage = unrealized == null ? null
                : unrealized.multiply(BigDecimal.valueOf(100)).divide(book.openCost(), 4, RoundingMode.HALF_EVEN);
        return new OpenPosition(position.credentialId() + ":" + position.symbol(), position.credentialId(), position.exchange(),
                position.environment(), position.symbol(), "LONG", book.openQuantity(), book.averageEntryPrice(), book.openCost(),
                book.openFees(), position.unvaluedFees(), lastPrice.orElse(null), unrealized, percentage, 1, book.openedAt(),
                book.untrackedSold());
    }

    private static Trade view(PositionsService.Position position, ClosedTrade trade) {
        Duration held = trade.holdTime();
        return new Trade(trade.entryOrderId() + ":" + trade.exitOrderId(), position.exchange(), position.environment(), position.symbol(),
                "LONG", trade.entryOrderId(), trade.exitOrderId(), trade.entryPrice(), trade.exitPrice(), trade.quantity(), trade.entryFees(),
                trade.exitFees(), trade.grossPnl(), trade.netPnl(), trade.pnlPercentage(), trade.exitType().name(),
                held.toHours() + "h " + held.toMinutesPart() + "m", held.toSeconds(), trade.openedAt(), trade.closedAt());
    }
}
