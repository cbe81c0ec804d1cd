package dev.tradefleet.messaging.outbox;

import dev.tradefleet.messaging.Backoff;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka, at least once, per key in commit order (see {@link Outbox}).
 *
 * <p>One relay runs per service instance, on its own thread: every database call is awaited and every
 * {@code send} made there, never on an event loop, so a broker outage cannot stall requests. A PostgreSQL
 * advisory lock held for the pass lets one relay of the service publish at a time. A row is marked published
 * only after the broker acknowledged it and every row of its key before it; a crash in between republishes
 * (consumers are idempotent) and never loses. A row the broker refuses for good is parked after
 * {@code maxAttempts} counted failures, and later rows of its key wait behind it; other keys flow on.
 * The relay sleeps until a commit notifies it (LISTEN/NOTIFY), with a slow poll as a safety net, and backs
 * off exponentially while the broker takes nothing.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant shared by every relay of every service: "outbox" in ASCII. */
    private static final long ADVISORY_LOCK_KEY = 0x6f7574626f78L;
    private static final String CHANNEL = "fleet_outbox";
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(30);
    private static final long BACKLOG_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(10);
    /**
     * Pending rows in id order, at most {@link #ROWS_PER_KEY} of a key and none of a topic resting after an outage,
     * so that one stuck key or topic cannot fill every batch and hold up the others.
     */
    private static final String PENDING = "SELECT id, topic, record_key, event_id, payload FROM ("
            + " SELECT o.*, row_number() OVER (PARTITION BY o.topic, o.record_key ORDER BY o.id) AS nth FROM fleet_outbox o"
            + " WHERE o.published_at IS NULL AND o.parked_at IS NULL AND o.topic <> ALL($2) AND NOT EXISTS (SELECT 1 FROM fleet_outbox p"
            + " WHERE p.parked_at IS NOT NULL AND p.published_at IS NULL AND p.topic = o.topic AND p.record_key = o.record_key)"
            + ") pending WHERE nth <= $3 ORDER BY id LIMIT $1";
    private static final int ROWS_PER_KEY = 100;
    /** A topic whose metadata could not be had rests this long before the relay tries it again. */
    private static final long TOPIC_REST_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final String RECORD_FAILURE = "UPDATE fleet_outbox SET last_error = $2,"
            + " attempts = attempts + CASE WHEN $3 THEN 1 ELSE 0 END,"
            + " parked_at = CASE WHEN $4 OR ($3 AND attempts + 1 >= $5) THEN now() END WHERE id = $1";

    private final Pool pool;
    private final EventPublisher publisher;
    private final Settings settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong passes = new AtomicLong();
    private final java.util.Map<String, Long> restingTopics = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Backlog backlog = new Backlog(0, 0);
    private Thread thread;
    private volatile SqlConnection listener;
    private long lastCleanup = System.nanoTime();
    private long lastBacklog;

    /**
     * @param maxAttempts    counted failures after which a row is parked
     * @param maxRecordBytes larger rows are parked without being sent (the producer's {@code max.request.size})
     */
    public record Settings(int batchSize, Duration pollInterval, Backoff backoff, Duration publishTimeout,
                           Duration retention, int maxAttempts, int maxRecordBytes) {

        public static Settings defaults() {
            return new Settings(500, Duration.ofSeconds(5), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30)),
                    Duration.ofSeconds(30), Duration.ofDays(7), 10, 1024 * 1024);
        }

        public Settings withPollInterval(Duration interval) {
            return new Settings(batchSize, interval, backoff, publishTimeout, retention, maxAttempts, maxRecordBytes);
        }

        public Settings withBatchSize(int size) {
            return new Settings(size, pollInterval, backoff, publishTimeout, retention, maxAttempts, maxRecordBytes);
        }

        public Settings withParking(int attempts, int recordBytes) {
            return new Settings(batchSize, pollInterval, backoff, publishTimeout, retention, attempts, recordBytes);
        }
    }

    /** Rows waiting to be published, and rows parked; refreshed every few seconds by the running relay. */
    public record Backlog(long pending, long parked) {
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

    /** Passes the running relay has completed, successful or not. */
    public long passes() {
        return passes.get();
    }

    public Backlog backlog() {
        return backlog;
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
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
                refreshBacklogIfDue();
                passes.incrementAndGet();
                if (published < settings.batchSize()) {
                    awaitWakeUp(settings.pollInterval());
                }
            } catch (RuntimeException e) {
                failures++;
                passes.incrementAndGet();
                Duration backoff = settings.backoff().after(failures);
                LOG.warnf("outbox relay failed (attempt %d), retrying in %d ms: %s", failures, backoff.toMillis(), e.getMessage());
                closeListener();
                awaitWakeUp(backoff);
            }
        }
    }

    /**
     * Publishes one batch of pending rows and records the outcome; returns how many were published (0 when
     * another relay holds the lock). Throws when the broker took none of a non-empty batch.
     */
    public int relayBatch() {
        SqlConnection connection = pool.getConnection().await().atMost(DATABASE_TIMEOUT);
        try {
            Transaction transaction = connection.begin().await().atMost(DATABASE_TIMEOUT);
            OutboxDelivery delivery;
            try {
                delivery = relayLocked(connection);
                transaction.commit().await().atMost(DATABASE_TIMEOUT);
            } catch (RuntimeException | Error e) {
                rollBackQuietly(transaction);
                throw e;
            }
            if (delivery.published().isEmpty() && !delivery.failed().isEmpty()) {
                throw new IllegalStateException("the broker took none of " + delivery.failed().size() + " events: "
                        + delivery.failed().get(0).error());
            }
            return delivery.published().size();
        } finally {
            connection.close().await().atMost(DATABASE_TIMEOUT);
        }
    }

    private OutboxDelivery relayLocked(SqlConnection connection) {
        boolean locked = connection.query("SELECT pg_try_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")").execute()
                .await().atMost(DATABASE_TIMEOUT).iterator().next().getBoolean(0);
        if (!locked) {
            return OutboxDelivery.NOTHING;
        }
        List<PendingEvent> batch = new ArrayList<>();
        long now = System.nanoTime();
        restingTopics.values().removeIf(until -> until - now <= 0);
        String[] resting = restingTopics.keySet().toArray(String[]::new);
        for (Row row : connection.preparedQuery(PENDING).execute(Tuple.of(settings.batchSize(), resting, ROWS_PER_KEY))
                .await().atMost(DATABASE_TIMEOUT)) {
            batch.add(new PendingEvent(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                    row.getString("event_id"), row.getBuffer("payload").getBytes()));
        }
        if (batch.isEmpty()) {
            return OutboxDelivery.NOTHING;
        }
        OutboxDelivery delivery = OutboxDelivery.send(batch, publisher, settings.maxRecordBytes(), settings.publishTimeout());
        delivery.unreachableTopics().forEach(topic -> restingTopics.put(topic, System.nanoTime() + TOPIC_REST_NANOS));
        if (!delivery.published().isEmpty()) {
            Long[] ids = delivery.published().stream().map(PendingEvent::id).toArray(Long[]::new);
            connection.preparedQuery("UPDATE fleet_outbox SET published_at = now() WHERE id = ANY($1)")
                    .execute(Tuple.of(ids)).await().atMost(DATABASE_TIMEOUT);
        }
        if (!delivery.failed().isEmpty()) {
            // only the broker's refusal of the record itself counts towards parking: an outage never parks anything
            List<Tuple> failures = delivery.failed().stream().map(f -> Tuple.of(f.event().id(), f.error(),
                    f.permanent(), f.parkNow(), settings.maxAttempts())).toList();
            connection.preparedQuery(RECORD_FAILURE).executeBatch(failures).await().atMost(DATABASE_TIMEOUT);
            delivery.failed().stream().filter(OutboxDelivery.Failure::parkNow).forEach(f ->
                    LOG.errorf("outbox row %d (%s) parked: %s", f.event().id(), f.event().topic(), f.error()));
        }
        return delivery;
    }

    private static void rollBackQuietly(Transaction transaction) {
        try {
            transaction.rollback().await().atMost(DATABASE_TIMEOUT);
        } catch (RuntimeException ignored) {
            // the connection is gone: the server rolls back by itself
        }
    }

    private void cleanUpIfDue() {
        if (System.nanoTime() - lastCleanup < TimeUnit.MINUTES.toNanos(10)) {
            return;
        }
        lastCleanup = System.nanoTime();
        pool.preparedQuery("DELETE FROM fleet_outbox WHERE published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) settings.retention().toSeconds()))
                .await().atMost(DATABASE_TIMEOUT);
    }

    private void refreshBacklogIfDue() {
        if (lastBacklog != 0 && System.nanoTime() - lastBacklog < BACKLOG_REFRESH_NANOS) {
            return;
        }
        lastBacklog = System.nanoTime();
        backlog = countBacklog();
    }

    /** Counts pending and parked rows now. */
    public Backlog countBacklog() {
        Row row = pool.query("SELECT count(*) FILTER (WHERE parked_at IS NULL), count(*) FILTER (WHERE parked_at IS NOT NULL)"
                + " FROM fleet_outbox WHERE published_at IS NULL").execute().await().atMost(DATABASE_TIMEOUT).iterator().next();
        return new Backlog(row.getLong(0), row.getLong(1));
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
