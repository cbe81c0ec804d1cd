package dev.tradefleet.messaging.runtime;

import dev.tradefleet.messaging.outbox.KafkaEventPublisher;
import dev.tradefleet.messaging.outbox.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts the service's outbox relay with the application and stops it before the pool closes. */
@ApplicationScoped
public class OutboxRelayLifecycle {

    @Inject
    MessagingConfig config;
    @Inject
    Pool pool;
    @Inject
    Producer<String, byte[]> producer;
    @ConfigProperty(name = "quarkus.application.name")
    String application;

    private OutboxRelay relay;

    void start(@Observes StartupEvent event) {
        MessagingConfig.Relay r = config.relay();
        if (!r.enabled()) {
            return;
        }
        relay = new OutboxRelay(pool, new KafkaEventPublisher(producer), new OutboxRelay.Settings(
                r.batchSize(), r.pollInterval(), r.minBackoff(), r.maxBackoff(), r.publishTimeout(), r.retention()));
        relay.start(application);
    }

    void stop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
    }
}
