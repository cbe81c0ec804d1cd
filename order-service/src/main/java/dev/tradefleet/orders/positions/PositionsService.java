package dev.tradefleet.orders.positions;

import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.orders.book.OrderRepository;
import dev.tradefleet.orders.trader.Trader;
import dev.tradefleet.orders.venues.FleetReads;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A trader's positions and closed trades, built from their fills (one {@link PositionBook} per account and symbol)
 * each time they are asked for, so that they always agree with the fills however these arrived.
 */
@ApplicationScoped
public class PositionsService {

    /** One account's holding of one symbol: its book, and the fees it paid in assets not yet valued. */
    public record Position(UUID credentialId, String exchange, String environment, String symbol, PositionBook book,
                           Map<String, BigDecimal> unvaluedFees) {
    }

    @Inject
    Pool pool;
    @Inject
    OrderRepository orders;
    @Inject
    FleetReads reads;

    public Uni<List<Position>> positions(Trader trader) {
        return orders.fills(pool, trader).map(PositionsService::books);
    }

    /** The trader's open positions, each with the symbol's last price where it can be read now. */
    public Uni<List<Map.Entry<Position, Optional<BigDecimal>>>> open(Trader trader) {
        return positions(trader).flatMap(all -> {
            List<Position> open = all.stream().filter(p -> p.book().openQuantity().signum() > 0).toList();
            if (open.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            List<Uni<Map.Entry<Position, Optional<BigDecimal>>>> priced = open.stream()
                    .map(position -> reads.lastPrice(trader, position.exchange(), position.environment(), position.symbol())
                            // a position is shown without its unrealized PnL rather than not at all
                            .onFailure().recoverWithItem(Optional.empty())
                            .map(last -> Map.entry(position, last)))
                    .toList();
            return Uni.join().all(priced).usingConcurrencyOf(4).andFailFast();
        });
    }

    /** The trades the trader's sells closed from {@code since} on, newest first. */
    public Uni<List<Map.Entry<Position, ClosedTrade>>> history(Trader trader, Instant since) {
        return positions(trader).map(all -> {
            List<Map.Entry<Position, ClosedTrade>> trades = new ArrayList<>();
            all.forEach(position -> position.book().closedTrades().stream().filter(trade -> !trade.closedAt().isBefore(since))
                    .forEach(trade -> trades.add(Map.entry(position, trade))));
            trades.sort(Comparator.comparing((Map.Entry<Position, ClosedTrade> e) -> e.getValue().closedAt()).reversed());
            return trades;
        });
    }

    private static List<Position> books(List<OrderRepository.TraderFill> fills) {
        Map<String, List<OrderRepository.TraderFill>> bySymbol = new LinkedHashMap<>();
        fills.forEach(fill -> bySymbol.computeIfAbsent(fill.credentialId() + "/" + fill.symbol(), k -> new ArrayList<>()).add(fill));
        List<Position> positions = new ArrayList<>();
        bySymbol.values().forEach(ofSymbol -> {
            OrderRepository.TraderFill first = ofSymbol.get(0);
            Map<String, BigDecimal> unvalued = new TreeMap<>();
            List<Execution> executions = ofSymbol.stream().map(fill -> execution(fill, unvalued)).toList();
            positions.add(new Position(first.credentialId(), first.exchange(), first.environment(), first.symbol(),
                    PositionBook.of(executions, Set.of()), unvalued));
        });
        return positions;
    }

    /** A fill in the book's terms: its fee valued in the quote asset where it was taken in the base or the quote asset. */
    static Execution execution(OrderRepository.TraderFill fill, Map<String, BigDecimal> unvaluedFees) {
        BigDecimal fee = fill.fill().fee();
        String asset = fill.fill().feeAsset();
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal inBase = BigDecimal.ZERO;
        if (asset.equals(fill.quoteAsset())) {
            value = fee;
        } else if (asset.equals(fill.baseAsset())) {
            value = fee.multiply(fill.fill().price());
            inBase = fee;
        } else if (fee.signum() != 0) {
            unvaluedFees.merge(asset, fee, BigDecimal::add);
        }
        return new Execution(fill.orderId(), fill.role(), OrderSide.valueOf(fill.side()), fill.fill().price(), fill.fill().quantity(),
                value, inBase, fill.fill().time());
    }
}
