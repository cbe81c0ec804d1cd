package dev.tradefleet.messaging.receipts;

import dev.tradefleet.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    public ConsumerReceipts(String consumer) {
        this.consumer = consumer;
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
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT_ALL).execute(Tuple.of(consumer, ids)).flatMap(rows -> {
            Set<String> firstSeen = new HashSet<>();
            rows.forEach(row -> firstSeen.add(row.getString(0)));
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
        }));
    }

    /** Deletes this consumer's receipts older than {@code retention}; returns how many. */
    public Uni<Integer> prune(Pool pool, Duration retention) {
        return pool.preparedQuery(PRUNE).execute(Tuple.of(consumer, (double) retention.toSeconds())).map(rows -> rows.rowCount());
    }
}
