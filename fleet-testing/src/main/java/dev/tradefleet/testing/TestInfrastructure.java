package dev.tradefleet.testing;

import dev.tradefleet.contracts.Topics;
import dev.tradefleet.embedded.EmbeddedKafka;
import dev.tradefleet.embedded.EmbeddedPostgres;
import dev.tradefleet.embedded.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, started on first use on random ports and
 * stopped when the JVM exits. Every caller gets a fresh database so that test classes never see each
 * other's rows, and fresh consumer group names for the same reason.
 */
public final class TestInfrastructure {

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafka kafka;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start(scratch("postgres"), FreePorts.next(), false);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
        }
        return postgres;
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(scratch("kafka"), FreePorts.next(), FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-kafka-stop"));
            kafka.createTopics(Topics.allWithDeadLetters(), 3);
        }
        return kafka;
    }

    /** A new, empty database on the shared server. */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        postgres().createDatabase(name);
        return name;
    }

    /** A consumer group name no earlier test used. */
    public static String newGroup(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    private static Path scratch(String what) {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base, "tradefleet-" + what + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
