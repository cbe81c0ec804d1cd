package dev.tradefleet.messaging.receipts;

import dev.tradefleet.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.function.Function;

/**
 * Makes a consumer's effect happen once per event id, however often Kafka delivers the event: the receipt
 * and the effect are written in one transaction, so either both are there or neither.
 */
public final class ConsumerReceipts {

    public enum Outcome { APPLIED, DUPLICATE }

    private static final String INSERT =
            "INSERT INTO fleet_consumer_receipts (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";

    private static final String PRUNE = "DELETE FROM fleet_consumer_receipts WHERE consumer = $1"
            + " AND received_at < now() - make_interval(secs => $2)";

    private final String consumer;

    public ConsumerReceipts(String consumer) {
        this.consumer = consumer;
    }

    /** Records the receipt in {@code transaction}; true the first time this consumer sees {@code eventId}. */
    public Uni<Boolean> recordFirst(SqlClient transaction, String eventId) {
        return transaction.preparedQuery(INSERT).execute(Tuple.of(consumer, eventId)).map(rows -> rows.rowCount() == 1);
    }

    /** Runs {@code effect} in a transaction with the receipt, unless this event was applied before. */
    public Uni<Outcome> applyOnce(Pool pool, EventEnvelope event, Function<SqlConnection, Uni<Void>> effect) {
        return pool.withTransaction(tx -> recordFirst(tx, event.id()).flatMap(first -> first
                ? effect.apply(tx).replaceWith(Outcome.APPLIED)
                : Uni.createFrom().item(Outcome.DUPLICATE)));
    }

    /** Deletes this consumer's receipts older than {@code retention}; returns how many. */
    public Uni<Integer> prune(Pool pool, Duration retention) {
        return pool.preparedQuery(PRUNE).execute(Tuple.of(consumer, (double) retention.toSeconds())).map(rows -> rows.rowCount());
    }
}
