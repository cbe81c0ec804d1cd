package dev.tradefleet.messaging.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in commit order, at least once.
 *
 * <p>One relay runs per service instance, on its own thread; a PostgreSQL advisory lock lets only one of
 * them publish at a time, which keeps per-key order across instances. A batch is marked published only
 * after the broker acknowledged every event in it, so a crash between publishing and marking republishes
 * (consumers are idempotent) and never loses. The relay sleeps until a commit notifies it through
 * LISTEN/NOTIFY, with a slow poll as a safety net, and backs off exponentially while publishing fails.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant shared by every relay of every service: "outbox" in ASCII. */
    private static final long ADVISORY_LOCK_KEY = 0x6f7574626f78L;
    private static final String CHANNEL = "fleet_outbox";

    private final Pool pool;
    private final EventPublisher publisher;
    private final Settings settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private SqlConnection listener;
    private long lastCleanup = System.nanoTime();

    public record Settings(int batchSize, Duration pollInterval, Duration minBackoff, Duration maxBackoff,
                           Duration publishTimeout, Duration retention) {

        public static Settings defaults() {
            return new Settings(500, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(30),
                    Duration.ofSeconds(30), Duration.ofDays(7));
        }

        public Settings withPollInterval(Duration interval) {
            return new Settings(batchSize, interval, minBackoff, maxBackoff, publishTimeout, retention);
        }

        public Settings withBatchSize(int size) {
            return new Settings(size, pollInterval, minBackoff, maxBackoff, publishTimeout, retention);
        }
    }

    public OutboxRelay(Pool pool, EventPublisher publisher, Settings settings) {
        this.pool = pool;
        this.publisher = publisher;
        this.settings = settings;
    }

    public synchronized void start(String name) {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the relay to look for new rows now. */
    public void wake() {
        wakeUps.release();
    }

    @Override
    public synchronized void close() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeListener();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                ensureListening();
                int published = relayBatch();
                failures = 0;
                cleanUpIfDue();
                if (published < settings.batchSize()) {
                    awaitWakeUp(settings.pollInterval());
                }
            } catch (RuntimeException e) {
                failures++;
                Duration backoff = backoff(failures);
                LOG.warnf("outbox relay failed (attempt %d), retrying in %d ms: %s", failures, backoff.toMillis(), e.getMessage());
                closeListener();
                awaitWakeUp(backoff);
            }
        }
    }

    /** How long to wait after {@code failures} failed attempts in a row. */
    public Duration backoff(int failures) {
        long millis = settings.minBackoff().toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
    }

    /**
     * Publishes one batch of pending rows and marks them; returns how many were published (0 when another
     * relay holds the lock).
     */
    public int relayBatch() {
        Integer count = pool.withTransaction(tx -> tx.query("SELECT pg_try_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")")
                .execute()
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? publishPending(tx) : Uni.createFrom().item(0)))
                .await().atMost(settings.publishTimeout().plusSeconds(10));
        return count;
    }

    private Uni<Integer> publishPending(SqlConnection tx) {
        return tx.preparedQuery("SELECT id, topic, record_key, event_id, payload FROM fleet_outbox"
                        + " WHERE published_at IS NULL ORDER BY id LIMIT $1")
                .execute(Tuple.of(settings.batchSize()))
                .flatMap(rows -> {
                    List<PendingEvent> batch = new ArrayList<>();
                    for (Row row : rows) {
                        batch.add(new PendingEvent(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                                row.getString("event_id"), row.getBuffer("payload").getBytes()));
                    }
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.createFrom().completionStage(() -> publishAll(batch))
                            .ifNoItem().after(settings.publishTimeout()).fail()
                            .flatMap(ignored -> markPublished(tx, batch));
                });
    }

    /** Sends in order; the idempotent producer keeps that order per partition, and we wait for every ack. */
    private CompletableFuture<Void> publishAll(List<PendingEvent> batch) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            acks[i] = publisher.publish(batch.get(i)).toCompletableFuture();
        }
        return CompletableFuture.allOf(acks);
    }

    private Uni<Integer> markPublished(SqlConnection tx, List<PendingEvent> batch) {
        Long[] ids = batch.stream().map(PendingEvent::id).toArray(Long[]::new);
        return tx.preparedQuery("UPDATE fleet_outbox SET published_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids))
                .map(ignored -> batch.size());
    }

    private void cleanUpIfDue() {
        if (System.nanoTime() - lastCleanup < TimeUnit.MINUTES.toNanos(10)) {
            return;
        }
        lastCleanup = System.nanoTime();
        pool.preparedQuery("DELETE FROM fleet_outbox WHERE published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) settings.retention().toSeconds()))
                .await().atMost(Duration.ofSeconds(30));
    }

    private void ensureListening() {
        if (listener != null) {
            return;
        }
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        PgConnection pg = PgConnection.cast(connection);
        pg.notificationHandler(notification -> wake());
        pg.closeHandler(() -> listener = null);
        connection.query("LISTEN " + CHANNEL).execute().await().atMost(Duration.ofSeconds(10));
        listener = connection;
    }

    private void closeListener() {
        SqlConnection connection = listener;
        listener = null;
        if (connection != null) {
            connection.close().subscribe().with(ignored -> { }, failure -> { });
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
