package dev.tradefleet.connector.orders;

import dev.tradefleet.connector.markets.MarketId;
import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.contracts.trading.PlaceOco;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TradingIntent;
import dev.tradefleet.contracts.trading.TradingIntents;
import dev.tradefleet.messaging.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The connector's memory: intents waiting to be done, every order from before it is sent, and the fills reported.
 * Every change that the rest of the fleet must hear of enqueues its event in the same transaction.
 */
public final class OrderRepository {

    public record PendingIntent(long seq, TradingIntent intent, Instant notBefore) {
    }

    /** The order row, and whether this call created it (false: an earlier try got as far as sending). */
    public record Claim(OrderRow row, boolean fresh) {
    }

    /** The two legs of an OCO, claimed together. */
    public record LegsClaim(OrderRow takeProfit, OrderRow stopLoss, boolean fresh) {
    }

    /** An order an intent places: the id it goes by (the intent's, or an OCO leg's) and its client order id. */
    public record Placement(UUID orderId, String clientOrderId) {
    }

    private static final String ORDER_COLUMNS = "intent_id, credential_id, user_id, venue, symbol, side, client_order_id, venue_order_id,"
            + " status, executed_quantity, cumulative_quote_quantity, filled_quantity, sent_at";
    private static final String LIVE = "(status IN ('SENDING', 'UNKNOWN', 'ACCEPTED', 'PARTIALLY_FILLED')"
            + " OR filled_quantity < executed_quantity)";

    private final Pool pool;
    private final Outbox outbox;
    private final URI source;
    private final Clock clock;

    public OrderRepository(Pool pool, Outbox outbox, URI source, Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.source = source;
        this.clock = clock;
    }

    /** Part of the intent consumer's transaction: a redelivered intent (same intent id) is recorded once. */
    public Uni<Void> recordIntent(SqlConnection tx, TradingIntent intent, EventEnvelope event) {
        return tx.preparedQuery("INSERT INTO intents (intent_id, credential_id, type, event) VALUES ($1, $2, $3, $4)"
                        + " ON CONFLICT (intent_id) DO NOTHING")
                .execute(Tuple.of(intent.intentId(), intent.credentialId(), intent.eventType(), Buffer.buffer(EventCodec.encode(event))))
                .replaceWithVoid();
    }

    public Uni<List<PendingIntent>> pendingIntents(UUID credentialId, int limit) {
        return pool.preparedQuery("SELECT seq, event, not_before FROM intents WHERE credential_id = $1 AND done_at IS NULL"
                        + " ORDER BY seq LIMIT $2")
                .execute(Tuple.of(credentialId, limit))
                .map(rows -> {
                    List<PendingIntent> pending = new ArrayList<>();
                    for (Row row : rows) {
                        EventEnvelope event = EventCodec.decode(row.getBuffer("event").getBytes());
                        OffsetDateTime notBefore = row.getOffsetDateTime("not_before");
                        pending.add(new PendingIntent(row.getLong("seq"), TradingIntents.read(event),
                                notBefore == null ? null : notBefore.toInstant()));
                    }
                    return pending;
                });
    }

    /** The markets of the orders still followed of the accounts {@code ofAccount} accepts: whose prices their owners need. */
    public Uni<List<MarketId>> tradedMarkets(Predicate<UUID> ofAccount) {
        return pool.query("SELECT DISTINCT credential_id, venue, environment, symbol FROM orders WHERE environment IS NOT NULL AND " + LIVE)
                .execute().map(rows -> {
                    List<MarketId> markets = new ArrayList<>();
                    for (Row row : rows) {
                        if (ofAccount.test(row.getUUID("credential_id"))) {
                            markets.add(new MarketId(row.getString("venue"), row.getString("environment"), row.getString("symbol")));
                        }
                    }
                    return markets.stream().distinct().toList();
                });
    }

    /** Accounts with intents to do or orders still to follow: where reconciliation looks. */
    public Uni<List<UUID>> accountsWithWork() {
        return pool.query("SELECT credential_id FROM intents WHERE done_at IS NULL UNION SELECT credential_id FROM orders WHERE " + LIVE)
                .execute().map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("credential_id")));
                    return ids;
                });
    }

    /** Orders of the account still to follow whose intent is done (those of pending intents are the lane's already). */
    public Uni<List<OrderRow>> liveOrders(UUID credentialId) {
        return pool.preparedQuery("SELECT " + ORDER_COLUMNS + " FROM orders o WHERE credential_id = $1 AND " + LIVE
                        + " AND NOT EXISTS (SELECT 1 FROM intents i WHERE i.intent_id = o.intent_id AND i.done_at IS NULL)"
                        + " ORDER BY sent_at LIMIT 500")
                .execute(Tuple.of(credentialId)).map(OrderRepository::orders);
    }

    public Uni<Optional<OrderRow>> order(UUID intentId) {
        return pool.preparedQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE intent_id = $1")
                .execute(Tuple.of(intentId)).map(rows -> orders(rows).stream().findFirst());
    }

    /** Records the order as SENDING, committed before anything is sent; an existing row is returned as it is. */
    public Uni<Claim> claim(PlaceOrder intent, String venue, String environment, String clientOrderId) {
        return pool.preparedQuery("INSERT INTO orders (intent_id, credential_id, user_id, venue, environment, symbol, side, client_order_id,"
                        + " status, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'SENDING', $9) ON CONFLICT (intent_id) DO NOTHING"
                        + " RETURNING " + ORDER_COLUMNS)
                .execute(Tuple.from(List.of(intent.intentId(), intent.credentialId(), intent.userId(), venue, environment, intent.symbol(),
                        intent.side().name(), clientOrderId, now())))
                .flatMap(inserted -> inserted.size() == 1
                        ? Uni.createFrom().item(new Claim(orders(inserted).get(0), true))
                        : order(intent.intentId()).map(existing -> new Claim(existing.orElseThrow(), false)));
    }

    /** The venue said it has no such order and the receive window has passed: it is sent again, from now. */
    public Uni<OrderRow> resend(OrderRow row) {
        return pool.preparedQuery("UPDATE orders SET sent_at = $2, updated_at = now() WHERE intent_id = $1 AND status = 'SENDING'"
                        + " RETURNING " + ORDER_COLUMNS)
                .execute(Tuple.of(row.intentId(), now())).map(rows -> orders(rows).get(0));
    }

    /** The venue turned the request away unexecuted (429, 418): the order does not exist and may be sent at once next time. */
    public Uni<Void> release(OrderRow row) {
        return pool.preparedQuery("DELETE FROM orders WHERE intent_id = $1 AND status = 'SENDING' AND sent_at = $2")
                .execute(Tuple.of(row.intentId(), OffsetDateTime.ofInstant(row.sentAt(), ZoneOffset.UTC))).replaceWithVoid();
    }

    public Uni<Void> defer(long seq, Instant notBefore) {
        return pool.preparedQuery("UPDATE intents SET not_before = $2 WHERE seq = $1")
                .execute(Tuple.of(seq, OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC))).replaceWithVoid();
    }

    public Uni<Void> done(long seq) {
        return markDone(pool, seq);
    }

    /**
     * An intent refused before any order could exist (unknown credential, someone else's, a venue not configured):
     * its orders are recorded as rejected, so a redelivery finds them done, and each rejection is reported.
     */
    public Uni<Void> rejectUnplaced(TradingIntent intent, OrderSide side, String venue, List<Placement> placements, String code,
                                    String message, long seq) {
        return pool.withTransaction(tx -> Multi.createFrom().iterable(placements).onItem().transformToUniAndConcatenate(placement -> tx
                                .preparedQuery("INSERT INTO orders (intent_id, credential_id, user_id, venue, symbol, side, client_order_id,"
                                        + " status, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'REJECTED', $8) ON CONFLICT (intent_id) DO NOTHING")
                                .execute(Tuple.from(List.of(placement.orderId(), intent.credentialId(), intent.userId(), venue, intent.symbol(),
                                        side.name(), placement.clientOrderId(), now())))
                                .flatMap(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem()
                                        : enqueueUpdate(tx, new OrderUpdate(placement.orderId(), intent.credentialId(), intent.userId(), venue,
                                        intent.symbol(), placement.clientOrderId(), null, OrderStatus.REJECTED, code, message, BigDecimal.ZERO,
                                        BigDecimal.ZERO, clock.instant()))))
                        .collect().last()
                        .flatMap(ignored -> markDone(tx, seq)));
    }

    /** Both legs of an OCO as SENDING, in one transaction committed before the list is sent. */
    public Uni<LegsClaim> claimLegs(PlaceOco oco, String venue, String environment, Placement takeProfit, Placement stopLoss) {
        String insert = "INSERT INTO orders (intent_id, credential_id, user_id, venue, environment, symbol, side, client_order_id, status,"
                + " sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'SENDING', $9) ON CONFLICT (intent_id) DO NOTHING";
        OffsetDateTime now = now();
        return pool.withTransaction(tx -> tx.preparedQuery(insert).execute(Tuple.from(List.of(takeProfit.orderId(), oco.credentialId(),
                                oco.userId(), venue, environment, oco.symbol(), oco.side().name(), takeProfit.clientOrderId(), now)))
                        .flatMap(first -> tx.preparedQuery(insert).execute(Tuple.from(List.of(stopLoss.orderId(), oco.credentialId(),
                                        oco.userId(), venue, environment, oco.symbol(), oco.side().name(), stopLoss.clientOrderId(), now)))
                                .map(second -> first.rowCount() == 1 && second.rowCount() == 1)))
                .flatMap(fresh -> order(takeProfit.orderId()).flatMap(tp -> order(stopLoss.orderId())
                        .map(sl -> new LegsClaim(tp.orElseThrow(), sl.orElseThrow(), fresh))));
    }

    /**
     * Records what the venue said of {@code order}: new fills first (each trade once), then the order's state if it
     * moved forward (never backwards: a late answer cannot undo a fill, nothing accepted becomes unknown or
     * rejected, an ended order stays ended), each with its event; and, when given, marks the intent done, all in
     * one transaction.
     */
    public Uni<Void> record(OrderRow order, VenueReport report, Long doneSeq) {
        return pool.withTransaction(tx -> recordFills(tx, order, report.trades())
                .flatMap(ignored -> recordState(tx, order, report))
                .flatMap(ignored -> doneSeq == null ? Uni.createFrom().voidItem() : markDone(tx, doneSeq)));
    }

    private Uni<Void> recordFills(SqlConnection tx, OrderRow order, List<VenueTrade> trades) {
        return Multi.createFrom().iterable(trades).onItem().transformToUniAndConcatenate(trade -> tx
                        .preparedQuery("INSERT INTO fills (intent_id, trade_id, quantity) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(order.intentId(), trade.tradeId(), trade.quantity()))
                        .flatMap(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : tx.preparedQuery("UPDATE orders SET filled_quantity = filled_quantity + $2 WHERE intent_id = $1")
                                .execute(Tuple.of(order.intentId(), trade.quantity()))
                                .flatMap(updated -> enqueueFill(tx, order, trade))))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> recordState(SqlConnection tx, OrderRow order, VenueReport report) {
        return tx.preparedQuery("UPDATE orders SET status = $2, venue_order_id = COALESCE($3, venue_order_id), executed_quantity = $4,"
                        + " cumulative_quote_quantity = $5, updated_at = now() WHERE intent_id = $1"
                        + " AND status NOT IN ('REJECTED', 'FILLED', 'CANCELLED', 'EXPIRED')"
                        + " AND " + rank("status") + " <= " + rank("$2::text") + " AND executed_quantity <= $4"
                        + " AND (status <> $2 OR executed_quantity <> $4)"
                        // nothing the venue has accepted becomes unknown or rejected: only an order still in flight does
                        + " AND ($2 NOT IN ('UNKNOWN', 'REJECTED') OR status IN ('SENDING', 'UNKNOWN'))"
                        + " RETURNING " + ORDER_COLUMNS)
                .execute(Tuple.of(order.intentId(), report.status().name(), report.venueOrderId(), report.executedQuantity(),
                        report.cumulativeQuoteQuantity()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    OrderRow now = orders(rows).get(0);
                    return enqueueUpdate(tx, new OrderUpdate(now.intentId(), now.credentialId(), now.userId(), now.venue(), now.symbol(),
                            now.clientOrderId(), now.venueOrderId(), report.status(), report.reasonCode(), report.reasonMessage(),
                            now.executedQuantity(), now.cumulativeQuoteQuantity(), clock.instant()));
                });
    }

    /**
     * How far along a status is: a state only moves forward (in flight, unknown, accepted, partly filled, ended),
     * so a late or repeated answer never undoes a newer one. {@link OrderRow#alreadyShows} ranks alike.
     */
    private static String rank(String status) {
        return "(CASE " + status + " WHEN 'SENDING' THEN 0 WHEN 'UNKNOWN' THEN 1 WHEN 'ACCEPTED' THEN 2"
                + " WHEN 'PARTIALLY_FILLED' THEN 3 ELSE 4 END)";
    }

    private Uni<Void> enqueueUpdate(SqlClient tx, OrderUpdate update) {
        return outbox.enqueue(tx, Topics.TRADING_ORDER_UPDATES, update.credentialId().toString(),
                EventEnvelope.create(source, OrderUpdate.TYPE, update.credentialId().toString(), EventCodec.toData(update)));
    }

    private Uni<Void> enqueueFill(SqlClient tx, OrderRow order, VenueTrade trade) {
        Fill fill = new Fill(order.intentId(), order.credentialId(), order.userId(), order.venue(), order.symbol(), order.clientOrderId(),
                trade.venueOrderId(), trade.tradeId(), order.side(), trade.price(), trade.quantity(), trade.quoteQuantity(), trade.fee(),
                trade.feeAsset(), trade.maker(), trade.time());
        return outbox.enqueue(tx, Topics.TRADING_FILLS, fill.credentialId().toString(),
                EventEnvelope.create(source, Fill.TYPE, fill.credentialId().toString(), EventCodec.toData(fill)));
    }

    private static Uni<Void> markDone(SqlClient tx, long seq) {
        return tx.preparedQuery("UPDATE intents SET done_at = now() WHERE seq = $1 AND done_at IS NULL").execute(Tuple.of(seq))
                .replaceWithVoid();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static List<OrderRow> orders(RowSet<Row> rows) {
        List<OrderRow> orders = new ArrayList<>();
        for (Row row : rows) {
            orders.add(new OrderRow(row.getUUID("intent_id"), row.getUUID("credential_id"), row.getUUID("user_id"), row.getString("venue"),
                    row.getString("symbol"), OrderSide.valueOf(row.getString("side")), row.getString("client_order_id"),
                    row.getString("venue_order_id"), row.getString("status"), row.getBigDecimal("executed_quantity"),
                    row.getBigDecimal("cumulative_quote_quantity"), row.getBigDecimal("filled_quantity"),
                    row.getOffsetDateTime("sent_at").toInstant()));
        }
        return orders;
    }
}
