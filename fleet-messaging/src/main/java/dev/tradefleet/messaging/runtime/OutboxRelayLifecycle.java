package dev.tradefleet.messaging.runtime;

import dev.tradefleet.messaging.Backoff;
import dev.tradefleet.messaging.outbox.KafkaEventPublisher;
import dev.tradefleet.messaging.outbox.OutboxRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Starts the service's outbox relay with the application, with its metrics, and stops it before the pool closes. */
@ApplicationScoped
public class OutboxRelayLifecycle {

    @Inject
    MessagingConfig config;
    @Inject
    Pool pool;
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.application.name")
    String application;

    static final int STOP_FIRST = 10;

    private OutboxRelay relay;

    void start(@Observes StartupEvent event) {
        MessagingConfig.Relay r = config.relay();
        if (!r.enabled()) {
            return;
        }
        relay = new OutboxRelay(pool, new KafkaEventPublisher(producer), new OutboxRelay.Settings(
                r.batchSize(), r.pollInterval(), new Backoff(r.minBackoff(), r.maxBackoff()), r.publishTimeout(),
                r.retention(), r.maxAttempts(), r.maxRecordBytes()));
        Gauge.builder("fleet.outbox.pending", relay, x -> x.backlog().pending())
                .description("Outbox rows waiting to be published").register(registry);
        Gauge.builder("fleet.outbox.parked", relay, x -> x.backlog().parked())
                .description("Outbox rows parked after failing for good; see docs/runbooks/outbox.md").register(registry);
        relay.start(application);
    }

    /** The running relay, if this service has one. */
    public Optional<OutboxRelay> relay() {
        return Optional.ofNullable(relay);
    }

    /** Before the producer closes (see {@link MessagingBeans}): a relay that outlived it would count sends that cannot be. */
    void stop(@Observes @Priority(STOP_FIRST) ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
    }
}
