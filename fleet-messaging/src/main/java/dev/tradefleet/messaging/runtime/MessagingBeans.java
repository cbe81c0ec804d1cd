package dev.tradefleet.messaging.runtime;

import dev.tradefleet.messaging.outbox.Outbox;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;

@ApplicationScoped
public class MessagingBeans {

    @Produces
    @Singleton
    Outbox outbox() {
        return new Outbox();
    }

    /**
     * The producer for outbox events and dead letters: acks from all replicas, idempotent (so retries
     * neither duplicate nor reorder within a partition).
     */
    @Produces
    @Singleton
    Producer<String, byte[]> eventProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                           @ConfigProperty(name = "quarkus.application.name") String application) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, application + "-events",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                // send() waits this long at most for metadata or buffer space; only the relay and consumer threads call it
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** After the relay and the consumers have stopped using it. */
    void closeProducer(@Observes @Priority(10_000) ShutdownEvent event, Producer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }
}
