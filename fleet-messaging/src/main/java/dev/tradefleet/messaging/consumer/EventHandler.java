package dev.tradefleet.messaging.consumer;

import dev.tradefleet.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A consumer's effect for one event, written with {@code transaction}: the consumer's receipt is recorded
 * in the same transaction, so the effect happens once however often Kafka delivers the event.
 *
 * <p>Fail with {@link TransientFailure} for "not now" (the event is retried until it applies); any other
 * failure is retried a bounded number of times and then sent to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> apply(SqlConnection transaction, EventEnvelope event);

    /**
     * Called on the consumer's thread once the transaction that applied {@code event} has committed (never for a
     * redelivery skipped by its receipt): the moment to hand the recorded work to whoever acts on it outside the
     * database. It must not block; a failure is logged and changes nothing, so the recorded state must be enough
     * to resume the work after a crash.
     */
    default void committed(EventEnvelope event) {
    }
}
