package dev.tradefleet.messaging.consumer;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.MalformedEventException;
import dev.tradefleet.messaging.Backoff;
import dev.tradefleet.messaging.deadletter.DeadLetterPublisher;
import dev.tradefleet.messaging.receipts.ConsumerReceipts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way a service consumes a topic: read, apply (effect and receipt in one transaction), then commit
 * the offset. It runs on its own thread, never on an event loop, and gives these guarantees:
 * <ul>
 *     <li>an event's effect is applied once, however often Kafka delivers it (the receipt);</li>
 *     <li>the records of a poll are applied in one transaction (one commit for many under load); when any of them
 *     stands in the way, that transaction is rolled back and each record is applied in a transaction of its own;</li>
 *     <li>an offset is committed only after the transaction of its record (and of every record before it in the
 *     partition) committed, so a crash at any point redelivers and never skips;</li>
 *     <li>an outage (database or broker down, a {@link TransientFailure}) is retried with backoff until it
 *     passes, holding the partition at that record: nothing is skipped and nothing dead-lettered for it;</li>
 *     <li>a record that cannot be parsed, or whose effect fails for a reason of its own {@code maxAttempts}
 *     times, goes to {@code <topic>.dlq} with the reason and the partition moves on.</li>
 * </ul>
 */
public final class EventConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);
    /** A hold longer than this is logged as an error: an outage that long, or a record that will not apply. */
    private static final Duration LONG_HOLD = Duration.ofMinutes(5);

    private final Pool pool;
    private final EventHandler handler;
    private final ConsumerSettings settings;
    private final Map<String, Object> kafkaConfig;
    private final DeadLetterPublisher deadLetters;
    private final ConsumerReceipts receipts;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private volatile long lag = -1;
    /** When the loop began holding a partition back (System.nanoTime), 0 while it is not. */
    private volatile long heldSince;
    private boolean heldWarned;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private long lastPrune = System.nanoTime();

    public EventConsumerLoop(Pool pool, String bootstrapServers, EventHandler handler, ConsumerSettings settings,
                             DeadLetterPublisher deadLetters) {
        this.pool = pool;
        this.handler = handler;
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.receipts = new ConsumerReceipts(settings.name(), settings.applyTimeout());
        this.kafkaConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, settings.name(),
                ConsumerConfig.CLIENT_ID_CONFIG, settings.name() + "-" + ProcessHandle.current().pid(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // an instance killed outright hands its partitions over after 10 s rather than Kafka's default 45
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "fleet-consumer-" + settings.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the record in hand, committing what was applied. */
    @Override
    public synchronized void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    public String name() {
        return settings.name();
    }

    /** Events applied by this instance. */
    public long applied() {
        return applied.get();
    }

    /** Redeliveries recognised by their receipt and skipped. */
    public long duplicates() {
        return duplicates.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** Failed tries that were tried again (outages and failures of the event alike). */
    public long retried() {
        return retried.get();
    }

    /**
     * How long the loop has been holding a partition back on a record it cannot apply yet (an outage, or an effect
     * that keeps overrunning the apply timeout, which may be the event's own doing): zero while it keeps up. What to
     * alert on, since such a record is retried until it applies rather than dead-lettered.
     */
    public Duration heldFor() {
        long since = heldSince;
        return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    /** Records behind the end of the assigned partitions (those whose end is known) at the last poll; -1 before any is known. */
    public long lag() {
        return lag;
    }

    private void run() {
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(kafkaConfig, new StringDeserializer(), new ByteArrayDeserializer());
        consumer = kafka;
        Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        try {
            kafka.subscribe(settings.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit(kafka, applied, true);
                    tell(() -> handler.revoked(partitions));
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    tell(() -> handler.assigned(partitions));
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    tell(() -> handler.revoked(partitions));
                }
            });
            int outages = 0;
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
                // known before the records are applied too, so that a consumer held up by them shows its lag
                measureLag(kafka);
                boolean heldBack = !(records.count() > 1 && applyTogether(records, applied)) && applyOneByOne(kafka, records, applied);
                commit(kafka, applied, false);
                measureLag(kafka);
                pruneReceiptsIfDue();
                if (heldBack && running) {
                    outages++;
                    holding();
                    Backoff.sleep(settings.backoff().after(outages));
                } else {
                    outages = 0;
                    heldSince = 0;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.errorf("consumer %s woken up unexpectedly", settings.name());
            }
        } catch (RuntimeException | Error e) {
            // A failing process commits nothing more (not even on the revocation that closing triggers): whoever
            // takes the partitions over reads those records again, and their receipts make that harmless.
            applied.clear();
            LOG.errorf("consumer %s stopped: %s", settings.name(), Failures.describe(e));
        } finally {
            kafka.close(Duration.ofSeconds(10));
            consumer = null;
            running = false;
        }
    }

    /**
     * Applies every record of a poll in one transaction, each partition's in order: under load one commit serves many
     * records. Returns false, having applied nothing, when any record stands in the way (one that does not parse,
     * an effect that fails, an outage): then each record goes on its own, where a bad one is retried and dead-lettered
     * alone and an outage is waited out.
     */
    private boolean applyTogether(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        List<EventEnvelope> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(EventCodec.decode(record.value()));
            } catch (MalformedEventException e) {
                return false;
            }
        }
        List<ConsumerReceipts.Outcome> outcomes;
        try {
            outcomes = receipts.applyAllOnce(pool, events, (tx, event) -> Uni.createFrom().deferred(() -> handler.apply(tx, event)))
                    .await().atMost(patience());
        } catch (RuntimeException failure) {
            Error fatal = Failures.fatal(failure);
            if (fatal != null) {
                throw fatal;
            }
            return false;
        }
        long fresh = outcomes.stream().filter(ConsumerReceipts.Outcome.APPLIED::equals).count();
        applied.addAndGet(fresh);
        duplicates.addAndGet(events.size() - fresh);
        for (int i = 0; i < events.size(); i++) {
            if (outcomes.get(i) == ConsumerReceipts.Outcome.APPLIED) {
                tellCommitted(events.get(i));
            }
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            done.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (earlier, later) -> later.offset() > earlier.offset() ? later : earlier);
        }
        return true;
    }

    /** Applies each record in a transaction of its own; true when an outage (or a stop) held a partition back. */
    private boolean applyOneByOne(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records,
                                  Map<TopicPartition, OffsetAndMetadata> done) {
        boolean heldBack = false;
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
            int handled = heldBack ? 0 : handleInOrder(batch, done);
            if (handled < batch.size()) {
                // read the partition again from the record not yet applied
                kafka.seek(partition, batch.get(handled).offset());
                heldBack = true;
            }
        }
        return heldBack;
    }

    /** Applies records in partition order; returns how many are done (applied, duplicate or dead-lettered). */
    private int handleInOrder(List<ConsumerRecord<String, byte[]>> batch, Map<TopicPartition, OffsetAndMetadata> done) {
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, byte[]> record = batch.get(i);
            if (!running) {
                return i;
            }
            try {
                handle(record);
            } catch (RuntimeException outage) {
                retried.incrementAndGet();
                LOG.warnf("consumer %s waits on %s-%d@%d: %s", settings.name(), record.topic(), record.partition(),
                        record.offset(), Failures.describe(outage));
                return i;
            }
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        return batch.size();
    }

    /** Returns when the record is done with; throws when it must be read again after an outage. */
    private void handle(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = EventCodec.decode(record.value());
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                ConsumerReceipts.Outcome outcome = receipts
                        .applyOnce(pool, event, tx -> Uni.createFrom().deferred(() -> handler.apply(tx, event)))
                        .await().atMost(patience());
                if (outcome == ConsumerReceipts.Outcome.APPLIED) {
                    applied.incrementAndGet();
                    tellCommitted(event);
                } else {
                    duplicates.incrementAndGet();
                }
                return;
            } catch (RuntimeException failure) {
                Error fatal = Failures.fatal(failure);
                if (fatal != null) {
                    throw fatal;
                }
                if (Failures.isTransient(failure)) {
                    throw failure;
                }
                if (attempt >= settings.maxAttempts()) {
                    deadLetter(record, "failed " + attempt + " times: " + Failures.describe(failure));
                    return;
                }
                retried.incrementAndGet();
                Backoff.sleep(settings.backoff().after(attempt));
            }
        }
    }

    /**
     * How long to wait for a transaction: the receipts stop and roll back effects that take longer than the apply
     * timeout themselves; this only guards against a database that answers neither the effect nor the rollback.
     */
    private Duration patience() {
        return settings.applyTimeout().multipliedBy(3);
    }

    /** Counts the time held back, and says once a long hold has passed that it is not going away by itself. */
    private void holding() {
        long now = System.nanoTime();
        if (heldSince == 0) {
            heldSince = now;
            heldWarned = false;
        } else if (!heldWarned && now - heldSince > LONG_HOLD.toNanos()) {
            heldWarned = true;
            LOG.errorf("consumer %s has held a partition back for %d s on a record it cannot apply: see the runbook (fleet_consumer_held_seconds)",
                    settings.name(), LONG_HOLD.toSeconds());
        }
    }

    private void tell(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warnf("consumer %s: a partition change step failed: %s", settings.name(), Failures.describe(e));
        }
    }

    private void tellCommitted(EventEnvelope event) {
        try {
            handler.committed(event);
        } catch (RuntimeException e) {
            LOG.warnf("consumer %s: the after-commit step for event %s failed: %s", settings.name(), event.id(), Failures.describe(e));
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        try {
            deadLetters.send(record, reason).get(settings.applyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new TransientFailure("the dead-letter topic did not take the record", e);
        }
        deadLettered.incrementAndGet();
        LOG.warnf("consumer %s dead-lettered %s-%d@%d: %s", settings.name(), record.topic(), record.partition(),
                record.offset(), reason);
    }

    /**
     * After a poll the commit is not waited for: a lost one only redelivers records whose receipts skip them, and the
     * broker's round trip would hold up the next poll. Before partitions move to another consumer it is waited for.
     */
    private void commit(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> applied, boolean wait) {
        if (applied.isEmpty()) {
            return;
        }
        if (!wait) {
            kafka.commitAsync(Map.copyOf(applied), (offsets, failure) -> {
                if (failure != null) {
                    LOG.warnf("consumer %s could not commit offsets: %s", settings.name(), Failures.describe(failure));
                }
            });
            applied.clear();
            return;
        }
        try {
            kafka.commitSync(applied, Duration.ofSeconds(10));
            applied.clear();
        } catch (RuntimeException e) {
            // the receipts make the redelivery this causes harmless
            LOG.warnf("consumer %s could not commit offsets: %s", settings.name(), Failures.describe(e));
            if (e instanceof WakeupException) {
                throw e;
            }
        }
    }

    /**
     * Sums the lag of the partitions whose end the consumer knows: one not fetched from yet (an empty partition, say,
     * while the records of another are in hand) must not keep the others' lag from being seen.
     */
    private void measureLag(KafkaConsumer<String, byte[]> kafka) {
        long total = 0;
        boolean known = false;
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong partitionLag = kafka.currentLag(partition);
            if (partitionLag.isPresent()) {
                total += partitionLag.getAsLong();
                known = true;
            }
        }
        if (known) {
            lag = total;
        }
    }

    private void pruneReceiptsIfDue() {
        if (System.nanoTime() - lastPrune < settings.pruneInterval().toNanos()) {
            return;
        }
        lastPrune = System.nanoTime();
        try {
            pruneReceipts();
        } catch (RuntimeException e) {
            LOG.warnf("consumer %s could not prune receipts: %s", settings.name(), Failures.describe(e));
        }
    }

    /** Deletes receipts older than the retention; returns how many. */
    public int pruneReceipts() {
        return receipts.prune(pool, settings.receiptRetention()).await().atMost(Duration.ofMinutes(1));
    }
}
