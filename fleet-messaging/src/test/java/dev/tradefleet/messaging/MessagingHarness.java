package dev.tradefleet.messaging;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.embedded.EmbeddedKafka;
import dev.tradefleet.embedded.EmbeddedPostgres;
import dev.tradefleet.embedded.FreePorts;
import dev.tradefleet.testing.TestInfrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A migrated database, a pool, a producer and a fresh topic per test, on the real PostgreSQL and Kafka. */
final class MessagingHarness implements AutoCloseable {

    record Payment(int sequence, BigDecimal amount) {
    }

    private static final AtomicInteger TOPICS = new AtomicInteger();
    static final URI SOURCE = URI.create("/fleet-messaging-test");

    final Vertx vertx = Vertx.vertx();
    final EmbeddedKafka kafka = TestInfrastructure.kafka();
    final String topic = "test.messaging-" + ProcessHandle.current().pid() + "-" + TOPICS.incrementAndGet() + ".v1";
    final EmbeddedPostgres pg;
    final Pool pool;
    final KafkaProducer<String, byte[]> producer;

    MessagingHarness() {
        this(TestInfrastructure.postgres());
    }

    /** A harness on a PostgreSQL server of its own, which the test may stop and start again. */
    static MessagingHarness onOwnPostgres() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "tradefleet-outage-pg-");
            return new MessagingHarness(EmbeddedPostgres.start(dir, FreePorts.next(), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MessagingHarness(EmbeddedPostgres pg) {
        this.pg = pg;
        String db = "messaging_" + ProcessHandle.current().pid() + "_" + TOPICS.incrementAndGet();
        pg.createDatabase(db);
        Flyway.configure().dataSource(pg.jdbcUrl(db), EmbeddedPostgres.USER, "")
                .locations("classpath:db/fleet-messaging", "classpath:db/messaging-test").load().migrate();
        pool = PgPool.pool(vertx, PgConnectOptions.fromUri(pg.reactiveUrl(db)).setUser(EmbeddedPostgres.USER)
                        .setReconnectAttempts(0), new PoolOptions().setMaxSize(5));
        kafka.createTopics(List.of(topic, topic + ".dlq"), 3);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    static EventEnvelope payment(String key, int sequence, String amount) {
        return EventEnvelope.create(SOURCE, "test.payment", key, EventCodec.toData(new Payment(sequence, new BigDecimal(amount))));
    }

    KafkaConsumer<String, byte[]> consumer(String topicName) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, TestInfrastructure.newGroup("messaging"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topicName));
        return consumer;
    }

    /** Reads {@code topicName} from the start until {@code done} holds for what was read, or 60 s pass. */
    List<ConsumerRecord<String, byte[]>> readUntil(String topicName, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        return readUntil(topicName, done, Duration.ofSeconds(60));
    }

    List<ConsumerRecord<String, byte[]>> readUntil(String topicName, Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                   Duration atMost) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(topicName)) {
            long deadline = System.currentTimeMillis() + atMost.toMillis();
            while (!done.test(records) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void send(EventEnvelope event) {
        send(event.subject(), EventCodec.encode(event));
    }

    @Override
    public void close() {
        producer.close();
        pool.close().await().indefinitely();
        vertx.close().await().indefinitely();
        if (pg != TestInfrastructure.postgres()) {
            pg.close();
        }
    }
}
