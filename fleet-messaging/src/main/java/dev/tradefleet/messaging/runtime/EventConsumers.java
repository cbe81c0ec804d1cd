package dev.tradefleet.messaging.runtime;

import dev.tradefleet.messaging.Backoff;
import dev.tradefleet.messaging.consumer.ConsumerSettings;
import dev.tradefleet.messaging.consumer.EventConsumerLoop;
import dev.tradefleet.messaging.consumer.FleetConsumer;
import dev.tradefleet.messaging.deadletter.DeadLetterPublisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Runs one consumer loop per {@link FleetConsumer} bean of the service, with its metrics. */
@ApplicationScoped
public class EventConsumers {

    @Inject
    Instance<FleetConsumer> declared;
    @Inject
    MessagingConfig config;
    @Inject
    Pool pool;
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final List<EventConsumerLoop> loops = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        MessagingConfig.Consumer c = config.consumer();
        for (FleetConsumer consumer : declared) {
            ConsumerSettings settings = new ConsumerSettings(consumer.name(), consumer.topics(), c.maxAttempts(),
                    new Backoff(c.minBackoff(), c.maxBackoff()), c.pollTimeout(), c.applyTimeout(), c.maxPollRecords(),
                    c.receiptRetention(), c.pruneInterval());
            EventConsumerLoop loop = new EventConsumerLoop(pool, bootstrapServers, consumer, settings,
                    new DeadLetterPublisher(producer, consumer.name()));
            register(loop);
            loops.add(loop);
            loop.start();
        }
    }

    private void register(EventConsumerLoop loop) {
        String name = loop.name();
        Gauge.builder("fleet.consumer.lag", loop, EventConsumerLoop::lag).tag("consumer", name)
                .description("Records behind the end of the consumer's partitions").register(registry);
        Gauge.builder("fleet.consumer.held", loop, l -> l.heldFor().toMillis() / 1000.0).tag("consumer", name).baseUnit("seconds")
                .description("How long the consumer has held a partition back on a record it cannot apply yet").register(registry);
        counter("fleet.consumer.applied", loop, EventConsumerLoop::applied, "Events applied");
        counter("fleet.consumer.duplicates", loop, EventConsumerLoop::duplicates, "Redeliveries skipped by their receipt");
        counter("fleet.consumer.dead.letters", loop, EventConsumerLoop::deadLettered, "Records sent to the dead-letter topic");
        counter("fleet.consumer.retries", loop, EventConsumerLoop::retried, "Failed tries that were tried again");
    }

    private void counter(String metric, EventConsumerLoop loop, ToDoubleFunction<EventConsumerLoop> value, String description) {
        FunctionCounter.builder(metric, loop, value).tag("consumer", loop.name()).description(description).register(registry);
    }

    /** The running loops, for health checks. */
    public List<EventConsumerLoop> loops() {
        return List.copyOf(loops);
    }

    void stop(@Observes @Priority(OutboxRelayLifecycle.STOP_FIRST) ShutdownEvent event) {
        loops.forEach(EventConsumerLoop::close);
    }
}
