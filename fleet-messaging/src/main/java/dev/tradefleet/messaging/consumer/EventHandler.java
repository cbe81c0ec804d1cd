package dev.tradefleet.messaging.consumer;

import dev.tradefleet.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * A consumer's effect for one event, written with {@code transaction}: the consumer's receipt is recorded
 * in the same transaction, so the effect happens once however often Kafka delivers the event.
 *
 * <p>The transaction may carry the effects of the other events of the same poll before and after this one, and may
 * be rolled back and this effect applied again alone: an effect writes only through {@code transaction} and does
 * nothing else, so that it can be undone with it.
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

    /**
     * This consumer now reads {@code partitions} (on the consumer's thread, before their first records): with
     * several instances in one group, what is keyed to these partitions is this instance's to act on alone.
     */
    default void assigned(Collection<TopicPartition> partitions) {
    }

    /** This consumer no longer reads {@code partitions} (revoked in a rebalance, lost, or the consumer stopping). */
    default void revoked(Collection<TopicPartition> partitions) {
    }
}
