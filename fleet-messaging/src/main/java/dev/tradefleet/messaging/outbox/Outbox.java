package dev.tradefleet.messaging.outbox;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Objects;

/**
 * Writes events into the outbox table. Call it with the connection of the transaction that makes the
 * state change: the event is published if and only if that transaction commits.
 */
public final class Outbox {

    private static final String INSERT =
            "INSERT INTO fleet_outbox (topic, record_key, event_id, payload) VALUES ($1, $2, $3, $4)";

    public Uni<Void> enqueue(SqlClient transaction, String topic, String key, EventEnvelope event) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        return transaction.preparedQuery(INSERT)
                .execute(Tuple.of(topic, key, event.id(), io.vertx.core.buffer.Buffer.buffer(EventCodec.encode(event))))
                .replaceWithVoid();
    }
}
