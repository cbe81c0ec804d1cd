package dev.tradefleet.orders.book;

import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.orders.trader.Trader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The orders table. Every read on a user's behalf takes the {@link Trader} and finds only that trader's orders, so
 * another user's order is indistinguishable from one that does not exist. What the connector reports moves an order
 * forward only: a report that arrives late (or twice) never takes a status, a quantity or an id back.
 */
@ApplicationScoped
public class OrderRepository {

    private static final String COLUMNS = "id, user_id, credential_id, exchange, environment, symbol, base_asset, quote_asset, side, type,"
            + " quantity, price, role,"
            + " order_group_id, parent_order_id, status, status_reason, client_order_id, exchange_order_id, executed_quantity,"
            + " cumulative_quote, created_at, updated_at";

    private static final String APPLY_UPDATE = "UPDATE orders SET"
            + " status = CASE WHEN order_status_rank($2) > order_status_rank(status) THEN $2 ELSE status END,"
            + " status_reason = CASE WHEN order_status_rank($2) > order_status_rank(status) THEN $3 ELSE status_reason END,"
            + " client_order_id = COALESCE(client_order_id, $4), exchange_order_id = COALESCE($5, exchange_order_id),"
            + " executed_quantity = GREATEST(executed_quantity, $6), cumulative_quote = GREATEST(cumulative_quote, $7),"
            + " updated_at = now() WHERE id = $1 AND user_id = $8 AND credential_id = $9";

    /** A fill is kept once per trade id, and only for an order of ours (the topic carries market making's too). */
    private static final String APPLY_FILL = "INSERT INTO fills (order_id, trade_id, price, quantity, quote_quantity, fee, fee_asset, maker, traded_at)"
            + " SELECT id, $2, $3, $4, $5, $6, $7, $8, $9 FROM orders WHERE id = $1 AND user_id = $10 AND credential_id = $11"
            + " ON CONFLICT DO NOTHING";

    /** Stores a new order; answers it as stored (with its timestamps). */
    public Uni<Order> insert(SqlClient tx, Order order) {
        return tx.preparedQuery("INSERT INTO orders (id, user_id, credential_id, exchange, environment, symbol, base_asset, quote_asset, side,"
                        + " type, quantity, price, role, order_group_id, parent_order_id, status)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[]{order.id(), order.userId(), order.credentialId(), order.exchange(), order.environment(),
                        order.symbol(), order.baseAsset(), order.quoteAsset(), order.side(), order.type(), order.quantity(), order.price(),
                        order.role(), order.orderGroupId(), order.parentOrderId(), order.status()}))
                .map(rows -> order(rows.iterator().next()));
    }

    public Uni<Optional<Order>> find(SqlClient client, Trader trader, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM orders WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(id, trader.userId()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(order(rows.iterator().next())));
    }

    /** The trader's orders that may still trade, newest first, on one exchange or all. */
    public Uni<List<Order>> open(SqlClient client, Trader trader, String exchange) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM orders WHERE user_id = $1 AND ($2::text IS NULL OR exchange = $2)"
                        + " AND order_status_rank(status) < order_status_rank('FILLED') ORDER BY created_at DESC, id")
                .execute(Tuple.of(trader.userId(), exchange))
                .map(rows -> {
                    List<Order> orders = new ArrayList<>();
                    rows.forEach(row -> orders.add(order(row)));
                    return orders;
                });
    }

    /** A page of the trader's orders, newest first, and how many match in all. */
    public record Page(List<Order> orders, long total) {
    }

    /**
     * The trader's orders matching every filter given (exchange, symbol, status, created from and before), newest
     * first, {@code count} of them from the {@code first}.
     */
    public Uni<Page> history(SqlClient client, Trader trader, String exchange, String symbol, String status, Instant from, Instant before,
                             long first, int count) {
        String matching = " FROM orders WHERE user_id = $1 AND ($2::text IS NULL OR exchange = $2) AND ($3::text IS NULL OR symbol = $3)"
                + " AND ($4::text IS NULL OR status = $4) AND ($5::timestamptz IS NULL OR created_at >= $5)"
                + " AND ($6::timestamptz IS NULL OR created_at < $6)";
        Tuple filters = Tuple.from(new Object[]{trader.userId(), exchange, symbol, status, utc(from), utc(before)});
        return client.preparedQuery("SELECT count(*)" + matching).execute(filters).flatMap(counted -> {
            long total = counted.iterator().next().getLong(0);
            Tuple paged = Tuple.from(new Object[]{trader.userId(), exchange, symbol, status, utc(from), utc(before), count, first});
            return client.preparedQuery("SELECT " + COLUMNS + matching + " ORDER BY created_at DESC, id LIMIT $7 OFFSET $8").execute(paged)
                    .map(rows -> {
                        List<Order> orders = new ArrayList<>();
                        rows.forEach(row -> orders.add(order(row)));
                        return new Page(orders, total);
                    });
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public Uni<List<OrderFill>> fills(SqlClient client, Trader trader, UUID orderId) {
        return client.preparedQuery("SELECT f.trade_id, f.price, f.quantity, f.quote_quantity, f.fee, f.fee_asset, f.maker, f.traded_at"
                        + " FROM fills f JOIN orders o ON o.id = f.order_id WHERE f.order_id = $1 AND o.user_id = $2 ORDER BY f.traded_at, f.trade_id")
                .execute(Tuple.of(orderId, trader.userId()))
                .map(rows -> {
                    List<OrderFill> fills = new ArrayList<>();
                    rows.forEach(row -> fills.add(new OrderFill(row.getString(0), row.getBigDecimal(1), row.getBigDecimal(2),
                            row.getBigDecimal(3), row.getBigDecimal(4), row.getString(5), row.getBoolean(6),
                            row.getOffsetDateTime(7).toInstant())));
                    return fills;
                });
    }

    /** A fill of one of the trader's orders, with what the position book needs of its order. */
    public record TraderFill(UUID credentialId, String exchange, String environment, String symbol, String baseAsset, String quoteAsset,
                             UUID orderId, String role, String side, OrderFill fill) {
    }

    /** Every fill of the trader's orders, in time order (trade id order within an instant). */
    public Uni<List<TraderFill>> fills(SqlClient client, Trader trader) {
        return client.preparedQuery("SELECT o.credential_id, o.exchange, o.environment, o.symbol, o.base_asset, o.quote_asset, o.id, o.role,"
                        + " o.side, f.trade_id, f.price, f.quantity, f.quote_quantity, f.fee, f.fee_asset, f.maker, f.traded_at"
                        + " FROM fills f JOIN orders o ON o.id = f.order_id WHERE o.user_id = $1 ORDER BY f.traded_at, f.trade_id")
                .execute(Tuple.of(trader.userId()))
                .map(rows -> {
                    List<TraderFill> fills = new ArrayList<>();
                    rows.forEach(row -> fills.add(new TraderFill(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getUUID(6), row.getString(7), row.getString(8),
                            new OrderFill(row.getString(9), row.getBigDecimal(10), row.getBigDecimal(11), row.getBigDecimal(12),
                                    row.getBigDecimal(13), row.getString(14), row.getBoolean(15), row.getOffsetDateTime(16).toInstant()))));
                    return fills;
                });
    }

    /** Applies what the connector reported of an order; one that is not ours (market making's) changes nothing. */
    public Uni<Void> apply(SqlClient tx, OrderUpdate update) {
        return tx.preparedQuery(APPLY_UPDATE)
                .execute(Tuple.from(new Object[]{update.intentId(), update.status().name(),
                        update.reasonCode() == null ? null : update.reasonCode() + ": " + update.reasonMessage(), update.clientOrderId(),
                        update.venueOrderId(), update.executedQuantity(), update.cumulativeQuoteQuantity(), update.userId(),
                        update.credentialId()}))
                .replaceWithVoid();
    }

    public Uni<Void> apply(SqlClient tx, Fill fill) {
        return tx.preparedQuery(APPLY_FILL)
                .execute(Tuple.from(new Object[]{fill.intentId(), fill.tradeId(), fill.price(), fill.quantity(), fill.quoteQuantity(),
                        fill.fee(), fill.feeAsset(), fill.maker(), OffsetDateTime.ofInstant(fill.time(), ZoneOffset.UTC), fill.userId(),
                        fill.credentialId()}))
                .replaceWithVoid();
    }

    private static Order order(Row row) {
        return new Order(row.getUUID("id"), row.getUUID("user_id"), row.getUUID("credential_id"), row.getString("exchange"),
                row.getString("environment"), row.getString("symbol"), row.getString("base_asset"), row.getString("quote_asset"),
                row.getString("side"), row.getString("type"),
                row.getBigDecimal("quantity"), row.getBigDecimal("price"), row.getString("role"), row.getUUID("order_group_id"),
                row.getUUID("parent_order_id"), row.getString("status"), row.getString("status_reason"), row.getString("client_order_id"),
                row.getString("exchange_order_id"), row.getBigDecimal("executed_quantity"), row.getBigDecimal("cumulative_quote"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
