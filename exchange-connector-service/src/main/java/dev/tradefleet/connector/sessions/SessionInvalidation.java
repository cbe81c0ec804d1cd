package dev.tradefleet.connector.sessions;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.MalformedEventException;
import dev.tradefleet.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every instance hears every credential change and drops what it built on the old key at once: a broadcast, so no consumer group
 * (which would give each change to one instance only) and no receipts (dropping a cache entry twice is harmless).
 * It reads from the end: sessions older than its start do not exist.
 */
public final class SessionInvalidation implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SessionInvalidation.class);

    private final Consumer<UUID> changed;
    private final KafkaConsumer<String, byte[]> kafka;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param changed what to forget of a credential that changed (its session, its user stream) */
    public SessionInvalidation(String bootstrapServers, Consumer<UUID> changed) {
        this.changed = changed;
        this.kafka = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "connector-session-invalidation");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = kafka.partitionsFor(Topics.CREDENTIALS_CHANGES, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    drop(record);
                }
            }
        } catch (WakeupException stopping) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf("session invalidation stopped: %s; sessions now expire after their time to live only", e.toString());
        } finally {
            kafka.close(Duration.ofSeconds(5));
        }
    }

    private void drop(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope event = EventCodec.decode(record.value());
            changed.accept(UUID.fromString(event.subject()));
        } catch (MalformedEventException | IllegalArgumentException | NullPointerException unreadable) {
            LOG.warnf("credential change at %s-%d@%d is unreadable", record.topic(), record.partition(), record.offset());
        }
    }

    @Override
    public void close() {
        running = false;
        kafka.wakeup();
    }
}
