package dev.tradefleet.messaging.consumer;

import java.util.List;

/**
 * A service's consumer, declared as a bean: its name (consumer group and receipt name), its topics and its
 * effect. fleet-messaging runs one {@link EventConsumerLoop} for each such bean from start-up to shutdown.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class FillsConsumer implements FleetConsumer {
 *     public String name() { return "ledger-fills"; }
 *     public List<String> topics() { return List.of(Topics.FILLS); }
 *     public Uni<Void> apply(SqlConnection tx, EventEnvelope event) { ... }
 * }
 * }</pre>
 */
public interface FleetConsumer extends EventHandler {

    String name();

    List<String> topics();
}
