package dev.tradefleet.messaging.outbox;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Objects;

/**
 * Writes events into the outbox table. Call it with the connection of the transaction that makes the
 * state change: the event is published if and only if that transaction commits.
 *
 * <p>Per key, events are published in the order their transactions commit. To make that so, enqueueing takes
 * a transaction-scoped lock on (topic, key) before the row gets its id: a second transaction that enqueues for
 * the same key waits until the first one has committed or rolled back, so within a key, id order is commit
 * order, and the relay publishes in id order. Transactions for different keys never wait for each other
 * (unless two keys' hashes collide, which only costs a wait). A transaction that enqueues for several keys
 * should do so in a consistent order (e.g. sorted), or two such transactions may deadlock and one be rolled back.
 */
public final class Outbox {

    /** The lock class of outbox keys in PostgreSQL's two-integer advisory lock space: "obox". */
    private static final int KEY_LOCK_CLASS = 0x6f626f78;
    private static final String INSERT = "WITH key_lock AS (SELECT pg_advisory_xact_lock(" + KEY_LOCK_CLASS
            + ", hashtext($1 || '/' || $2)))"
            + " INSERT INTO fleet_outbox (topic, record_key, event_id, payload) SELECT $1, $2, $3, $4 FROM key_lock";

    public Uni<Void> enqueue(SqlClient transaction, String topic, String key, EventEnvelope event) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        return transaction.preparedQuery(INSERT)
                .execute(Tuple.of(topic, key, event.id(), Buffer.buffer(EventCodec.encode(event))))
                .replaceWithVoid();
    }
}
