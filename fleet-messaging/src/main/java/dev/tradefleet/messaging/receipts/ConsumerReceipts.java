package dev.tradefleet.messaging.receipts;

import dev.tradefleet.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Makes a consumer's effect happen once per event id, however often Kafka delivers the event: the receipt
 * and the effect are written in one transaction, so either both are there or neither.
 */
public final class ConsumerReceipts {

    public enum Outcome { APPLIED, DUPLICATE }

    /** The receipts of a batch in one statement; what it returns are the ids seen for the first time. */
    private static final String INSERT_ALL = "INSERT INTO fleet_consumer_receipts (consumer, event_id)"
            + " SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id";

    private static final String PRUNE = "DELETE FROM fleet_consumer_receipts WHERE consumer = $1"
            + " AND received_at < now() - make_interval(secs => $2)";

    private final String consumer;
    private final Duration effectTimeout;

    /**
     * @param effectTimeout how long a transaction's effects may take: one that takes longer is stopped and rolled
     *                      back, so that it cannot commit after its caller gave up on it and tried again
     */
    public ConsumerReceipts(String consumer, Duration effectTimeout) {
        this.consumer = consumer;
        this.effectTimeout = effectTimeout;
    }

    /** Runs {@code effect} in a transaction with the receipt, unless this event was applied before. */
    public Uni<Outcome> applyOnce(Pool pool, EventEnvelope event, Function<SqlConnection, Uni<Void>> effect) {
        return applyAllOnce(pool, List.of(event), (tx, only) -> effect.apply(tx)).map(outcomes -> outcomes.get(0));
    }

    /**
     * Runs {@code effect} for each event not applied before, in order, all in one transaction with their receipts:
     * every effect and receipt is committed, or none. An event delivered twice within {@code events} applies once.
     * Returns each event's outcome, in order.
     */
    public Uni<List<Outcome>> applyAllOnce(Pool pool, List<EventEnvelope> events,
                                           BiFunction<SqlConnection, EventEnvelope, Uni<Void>> effect) {
        String[] ids = events.stream().map(EventEnvelope::id).toArray(String[]::new);
        // Not pool.withTransaction: it goes on and commits an effect whose subscriber has gone (a timed-out one).
        return pool.getConnection().flatMap(connection -> connection.begin().flatMap(tx -> connection
                        .preparedQuery(INSERT_ALL).execute(Tuple.of(consumer, ids))
                        .flatMap(rows -> applyFirstSeen(connection, rows, events, effect))
                        .ifNoItem().after(effectTimeout).failWith(() -> new TimeoutException(
                                "the effects of " + events.size() + " event(s) took longer than " + effectTimeout))
                        .call(tx::commit)
                        .onFailure().call(failure -> abandon(connection, tx, failure)))
                .eventually(connection::close));
    }

    private static Uni<List<Outcome>> applyFirstSeen(SqlConnection tx, RowSet<Row> firstSeenRows, List<EventEnvelope> events,
                                                     BiFunction<SqlConnection, EventEnvelope, Uni<Void>> effect) {
        Set<String> firstSeen = new HashSet<>();
        firstSeenRows.forEach(row -> firstSeen.add(row.getString(0)));
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EventEnvelope event : events) {
            if (firstSeen.remove(event.id())) {
                outcomes.add(Outcome.APPLIED);
                chain = chain.flatMap(ignored -> effect.apply(tx, event));
            } else {
                outcomes.add(Outcome.DUPLICATE);
            }
        }
        return chain.replaceWith(outcomes);
    }

    /**
     * Rolls back after a failure. A timed-out effect may still have a statement running (waiting on a lock, say):
     * it is cancelled first, so that the rollback need not wait for it and its locks are let go now.
     */
    private Uni<Void> abandon(SqlConnection connection, Transaction tx, Throwable failure) {
        Uni<Void> stopRunning = failure instanceof TimeoutException
                ? PgConnection.cast(connection).cancelRequest().onFailure().recoverWithNull()
                : Uni.createFrom().voidItem();
        // a rollback that fails (the transaction already ended, the connection gone) leaves nothing to undo
        return stopRunning.flatMap(ignored -> tx.rollback())
                .ifNoItem().after(effectTimeout).fail()
                .onFailure().recoverWithNull();
    }

    /** Deletes this consumer's receipts older than {@code retention}; returns how many. */
    public Uni<Integer> prune(Pool pool, Duration retention) {
        return pool.preparedQuery(PRUNE).execute(Tuple.of(consumer, (double) retention.toSeconds())).map(rows -> rows.rowCount());
    }
}
