package dev.tradefleet.messaging;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.messaging.consumer.ConsumerSettings;
import dev.tradefleet.messaging.consumer.EventConsumerLoop;
import dev.tradefleet.messaging.consumer.EventHandler;
import dev.tradefleet.messaging.deadletter.DeadLetterPublisher;
import dev.tradefleet.testing.TestInfrastructure;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventConsumerLoopTest {

    private MessagingHarness h;
    private final List<EventConsumerLoop> loops = new ArrayList<>();
    private String crashGroup;
    private List<EventEnvelope> crashEvents;

    @AfterEach
    void tearDown() {
        loops.forEach(EventConsumerLoop::close);
        if (h != null) {
            h.close();
        }
    }

    /** The effect under test: one row per applied payment; a negative amount is the event's own fault. */
    private EventHandler recordPayment() {
        return (tx, event) -> {
            MessagingHarness.Payment payment = EventCodec.payload(event, MessagingHarness.Payment.class);
            if (payment.amount().signum() < 0) {
                throw new IllegalArgumentException("a payment cannot be negative");
            }
            return tx.preparedQuery("INSERT INTO applied_effects (event_id, record_key, amount) VALUES ($1, $2, $3)")
                    .execute(Tuple.of(event.id(), event.subject(), payment.amount())).replaceWithVoid();
        };
    }

    private EventConsumerLoop start(String name, EventHandler handler, ConsumerSettings settings) {
        EventConsumerLoop loop = new EventConsumerLoop(h.pool, h.kafka.bootstrapServers(), handler, settings,
                new DeadLetterPublisher(h.producer, name));
        loops.add(loop);
        loop.start();
        return loop;
    }

    private List<EventEnvelope> sendPayments(int count, int keys) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EventEnvelope event = MessagingHarness.payment("acct-" + (i % keys), i, i + ".25");
            h.send(event);
            events.add(event);
        }
        return events;
    }

    private void assertEachAppliedOnce(List<EventEnvelope> events) {
        assertEquals(events.size(), h.count("SELECT count(*) FROM applied_effects"));
        assertEquals(events.size(), h.count("SELECT count(DISTINCT event_id) FROM applied_effects"));
        BigDecimal expected = events.stream().map(e -> EventCodec.payload(e, MessagingHarness.Payment.class).amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = h.pool.query("SELECT sum(amount) FROM applied_effects").execute().await().indefinitely()
                .iterator().next().getBigDecimal(0);
        assertEquals(0, expected.compareTo(total), "the sum of what was applied");
    }

    @Test
    void aConsumerKilledInTheMiddleOfApplyingABatchAndRestartedAppliesEveryRecordOnce() {
        // The process dies while applying a poll's records: their transaction never commits.
        AtomicInteger appliedBeforeCrash = new AtomicInteger();
        EventHandler payment = recordPayment();
        EventConsumerLoop first = startAndDie("killed", (tx, event) -> {
            if (appliedBeforeCrash.incrementAndGet() > 70) {
                throw new OutOfMemoryError("simulated: the process dies here");
            }
            return payment.apply(tx, event);
        });
        long effects = h.count("SELECT count(*) FROM applied_effects");
        assertTrue(effects <= 70, "what the dying transaction wrote is gone: " + effects);
        assertEquals(effects, h.count("SELECT count(*) FROM fleet_consumer_receipts"), "effects and receipts commit together");
        assertEquals(0, first.deadLettered(), "a dying process dead-letters nothing");

        EventConsumerLoop restarted = restartAndApplyAll();
        assertEquals(200, first.applied() + restarted.applied());
    }

    @Test
    void aConsumerKilledAfterABatchCommittedButBeforeItsOffsetsSkipsThatBatchWhenItComesAgain() {
        // The effects of the poll are committed, the offsets not: Kafka delivers those records again.
        AtomicInteger told = new AtomicInteger();
        EventHandler payment = recordPayment();
        EventConsumerLoop first = startAndDie("killed-after", new EventHandler() {
            @Override
            public Uni<Void> apply(SqlConnection transaction, EventEnvelope event) {
                return payment.apply(transaction, event);
            }

            @Override
            public void committed(EventEnvelope event) {
                if (told.incrementAndGet() == 70) {
                    throw new OutOfMemoryError("simulated: the process dies here");
                }
            }
        });
        assertTrue(h.count("SELECT count(*) FROM applied_effects") >= 70);

        EventConsumerLoop restarted = restartAndApplyAll();
        assertTrue(restarted.duplicates() > 0, "records applied before the crash but not committed came again and were skipped");
        assertEquals(200, first.applied() + restarted.applied());
    }

    /** 200 payments, read 30 a poll by a consumer that dies as {@code handler} decides; returns once it stopped. */
    private EventConsumerLoop startAndDie(String prefix, EventHandler handler) {
        h = new MessagingHarness();
        crashGroup = TestInfrastructure.newGroup(prefix);
        crashEvents = sendPayments(200, 5);
        EventConsumerLoop dying = start(crashGroup, handler, crashSettings());
        await().atMost(Duration.ofSeconds(60)).until(() -> !dying.isRunning());
        return dying;
    }

    /** The same group again, until every payment has its receipt: each applied exactly once. */
    private EventConsumerLoop restartAndApplyAll() {
        EventConsumerLoop restarted = start(crashGroup, recordPayment(), crashSettings());
        await().atMost(Duration.ofSeconds(60)).until(() -> h.count("SELECT count(*) FROM fleet_consumer_receipts") == 200
                && restarted.lag() == 0);
        assertEachAppliedOnce(crashEvents);
        return restarted;
    }

    private ConsumerSettings crashSettings() {
        return ConsumerSettings.defaults(crashGroup, List.of(h.topic)).withMaxPollRecords(30);
    }

    @Test
    void postgresStoppedForTenSecondsUnderAStreamOfRecordsLosesAndDoublesNothing() throws Exception {
        h = MessagingHarness.onOwnPostgres();
        String group = TestInfrastructure.newGroup("outage");
        EventConsumerLoop loop = start(group, recordPayment(), ConsumerSettings.defaults(group, List.of(h.topic)));

        List<EventEnvelope> events = new ArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 300; i++) {
                EventEnvelope event = MessagingHarness.payment("acct-" + (i % 7), i, "1." + i);
                h.send(event);
                synchronized (events) {
                    events.add(event);
                }
                Backoff.sleep(Duration.ofMillis(50));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> loop.applied() >= 20);
        h.pg.close();
        Backoff.sleep(Duration.ofSeconds(10));
        assertTrue(loop.isRunning(), "the consumer waits out the outage");
        assertTrue(loop.heldFor().toSeconds() >= 3, "and says how long it has held its partition back: " + loop.heldFor());
        h.pg.restart();
        stream.get();

        await().atMost(Duration.ofSeconds(90)).until(() -> loop.applied() + loop.duplicates() >= 300 && loop.lag() == 0);
        assertEquals(Duration.ZERO, loop.heldFor(), "nothing held back once it keeps up again");
        assertEachAppliedOnce(events);
        assertEquals(0, loop.deadLettered(), "an outage is not the events' fault");
        assertTrue(loop.retried() > 0, "records were retried while the database was down");
        assertTrue(h.readUntil(h.topic + ".dlq", r -> false, Duration.ofSeconds(5)).isEmpty());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheOthersAreAppliedInOrder() {
        h = new MessagingHarness();
        String group = TestInfrastructure.newGroup("poison");
        EventEnvelope first = MessagingHarness.payment("acct-p", 1, "1.00");
        EventEnvelope negative = MessagingHarness.payment("acct-p", 2, "-5.00");
        EventEnvelope second = MessagingHarness.payment("acct-p", 3, "2.00");
        EventEnvelope third = MessagingHarness.payment("acct-p", 4, "3.00");
        h.send(first);
        ProducerRecord<String, byte[]> unreadable = new ProducerRecord<>(h.topic, "acct-p", "{\"id\": trailing".getBytes(StandardCharsets.UTF_8));
        unreadable.headers().add("trace-id", "t-42".getBytes(StandardCharsets.UTF_8));
        h.producer.send(unreadable);
        h.send(second);
        h.send(negative);
        // a well-formed envelope whose payload is not a Payment: the event's fault, dead-lettered, never retried for ever
        EventEnvelope shapeless = EventEnvelope.create(MessagingHarness.SOURCE, "test.payment", "acct-p",
                EventCodec.mapper().createObjectNode().put("sequence", "not a number").put("amount", "x"));
        h.send(shapeless);
        h.send(third);

        EventConsumerLoop loop = start(group, recordPayment(), ConsumerSettings.defaults(group, List.of(h.topic)).withMaxAttempts(3));
        await().atMost(Duration.ofSeconds(90)).until(() -> h.count("SELECT count(*) FROM applied_effects") == 3 && loop.lag() == 0);

        List<BigDecimal> applied = h.pool.query("SELECT amount FROM applied_effects ORDER BY applied_order").execute()
                .await().indefinitely().stream().map(r -> r.getBigDecimal(0).stripTrailingZeros()).toList();
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3")), applied, "the good ones, in order");
        assertEquals(3, loop.deadLettered());

        List<ConsumerRecord<String, byte[]>> dead = h.readUntil(h.topic + ".dlq", r -> r.size() == 3);
        assertEquals(3, dead.size());
        assertEquals(shapeless.id(), EventCodec.decode(dead.get(2).value()).id());
        assertTrue(header(dead.get(2), DeadLetterPublisher.REASON).contains("MalformedEventException")
                || header(dead.get(2), DeadLetterPublisher.REASON).contains("InvalidFormatException"), header(dead.get(2), DeadLetterPublisher.REASON));
        ConsumerRecord<String, byte[]> parseFailure = dead.get(0);
        assertTrue(header(parseFailure, DeadLetterPublisher.REASON).startsWith("not JSON"), header(parseFailure, DeadLetterPublisher.REASON));
        assertEquals(group, header(parseFailure, DeadLetterPublisher.CONSUMER));
        assertEquals("t-42", header(parseFailure, "trace-id"), "the original headers travel with the dead letter");
        ConsumerRecord<String, byte[]> applyFailure = dead.get(1);
        assertEquals(negative.id(), EventCodec.decode(applyFailure.value()).id());
        assertEquals("failed 3 times: IllegalArgumentException: a payment cannot be negative",
                header(applyFailure, DeadLetterPublisher.REASON));
        assertEquals(h.topic, header(applyFailure, DeadLetterPublisher.ORIGINAL_TOPIC));
        assertEquals(0, h.count("SELECT count(*) FROM fleet_consumer_receipts WHERE event_id = '" + negative.id() + "'"),
                "a dead-lettered event has no receipt: replayed after a fix, it applies");
    }

    @Test
    void aRedeliveredRecordIsAppliedOnce() throws Exception {
        h = new MessagingHarness();
        String group = TestInfrastructure.newGroup("redelivered");
        List<EventEnvelope> events = sendPayments(10, 2);
        h.send(events.get(3));   // a producer retry delivers it twice
        ConsumerSettings settings = ConsumerSettings.defaults(group, List.of(h.topic));
        EventHandler record = recordPayment();
        List<String> toldCommitted = new CopyOnWriteArrayList<>();
        EventConsumerLoop first = start(group, new EventHandler() {
            @Override
            public Uni<Void> apply(SqlConnection transaction, EventEnvelope event) {
                return record.apply(transaction, event);
            }

            @Override
            public void committed(EventEnvelope event) {
                assertEquals(1, h.count("SELECT count(*) FROM applied_effects WHERE event_id = '" + event.id() + "'"),
                        "told only once the effect is visible to others");
                toldCommitted.add(event.id());
            }
        }, settings);
        await().atMost(Duration.ofSeconds(60)).until(() -> first.applied() + first.duplicates() == 11 && first.lag() == 0);
        assertEquals(1, first.duplicates());
        assertEquals(events.stream().map(EventEnvelope::id).sorted().toList(), toldCommitted.stream().sorted().toList(),
                "the after-commit step runs once per applied event, never for the skipped redelivery");
        first.close();

        // An operator rewinds the group: every record comes again.
        try (Admin admin = h.kafka.admin()) {
            Map<TopicPartition, OffsetSpec> earliest = IntStream.range(0, 3).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(h.topic, p), p -> OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> rewind = admin.listOffsets(earliest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, rewind).all().get();
        }
        EventConsumerLoop again = start(group, recordPayment(), settings);
        await().atMost(Duration.ofSeconds(60)).until(() -> again.duplicates() == 11);
        assertEquals(0, again.applied());
        assertEachAppliedOnce(events);
    }

    /** A handler that keeps the partitions it is told it owns. */
    private EventHandler owning(Set<TopicPartition> owned) {
        EventHandler record = recordPayment();
        return new EventHandler() {
            @Override
            public Uni<Void> apply(SqlConnection transaction, EventEnvelope event) {
                return record.apply(transaction, event);
            }

            @Override
            public void assigned(Collection<TopicPartition> partitions) {
                owned.addAll(partitions);
            }

            @Override
            public void revoked(Collection<TopicPartition> partitions) {
                owned.removeAll(partitions);
            }
        };
    }

    @Test
    void twoConsumersOfOneGroupAreToldWhichPartitionsEachOwnsAndNeverShareOne() {
        h = new MessagingHarness();
        String group = TestInfrastructure.newGroup("owners");
        ConsumerSettings settings = ConsumerSettings.defaults(group, List.of(h.topic));
        Set<TopicPartition> first = ConcurrentHashMap.newKeySet();
        Set<TopicPartition> second = ConcurrentHashMap.newKeySet();
        start(group, owning(first), settings);
        await().atMost(Duration.ofSeconds(60)).until(() -> first.size() == 3);

        EventConsumerLoop other = start(group, owning(second), settings);
        await().atMost(Duration.ofSeconds(60)).until(() -> !second.isEmpty() && first.size() + second.size() == 3);
        assertTrue(Collections.disjoint(first, second), first + " and " + second);

        other.close();
        await().atMost(Duration.ofSeconds(60)).until(() -> first.size() == 3 && second.isEmpty());
    }

    @Test
    void lagIsMeasuredWhileTheConsumerIsHeldAndFallsToZero() {
        h = new MessagingHarness();
        String group = TestInfrastructure.newGroup("lag");
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            EventEnvelope event = MessagingHarness.payment("acct-lag", i, "1");
            h.send(event);
            events.add(event);
        }
        CompletableFuture<Void> gate = new CompletableFuture<>();
        EventHandler payment = recordPayment();
        EventConsumerLoop loop = start(group, (tx, event) -> EventCodec.payload(event, MessagingHarness.Payment.class).sequence() == 5
                ? Uni.createFrom().completionStage(gate).flatMap(ignored -> payment.apply(tx, event))
                : payment.apply(tx, event), ConsumerSettings.defaults(group, List.of(h.topic)).withMaxPollRecords(1));

        // held at the fifth: the records after the one in hand, or after the last applied (5 or 6)
        await().atMost(Duration.ofSeconds(20)).until(() -> loop.applied() == 4 && loop.lag() >= 5);
        gate.complete(null);
        await().atMost(Duration.ofSeconds(60)).until(() -> loop.applied() == 10 && loop.lag() == 0);
        assertEachAppliedOnce(events);
    }

    @Test
    void receiptsOlderThanTheRetentionArePrunedAndNoOthers() {
        h = new MessagingHarness();
        String group = TestInfrastructure.newGroup("prune");
        h.pool.query("INSERT INTO fleet_consumer_receipts (consumer, event_id, received_at) VALUES"
                + " ('" + group + "', 'old-1', now() - interval '40 days'),"
                + " ('" + group + "', 'old-2', now() - interval '31 days'),"
                + " ('" + group + "', 'recent', now() - interval '29 days'),"
                + " ('someone-else', 'old-3', now() - interval '40 days')").execute().await().indefinitely();
        EventConsumerLoop loop = new EventConsumerLoop(h.pool, h.kafka.bootstrapServers(), recordPayment(),
                ConsumerSettings.defaults(group, List.of(h.topic)).withReceiptRetention(Duration.ofDays(30)),
                new DeadLetterPublisher(h.producer, group));

        assertEquals(2, loop.pruneReceipts());
        List<String> left = h.pool.query("SELECT event_id FROM fleet_consumer_receipts ORDER BY event_id").execute()
                .await().indefinitely().stream().map((Row r) -> r.getString(0)).toList();
        assertEquals(List.of("old-3", "recent"), left);
        assertFalse(loop.isRunning());
    }

    @Test
    void receiptsMustOutliveTheRedeliveryWindow() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConsumerSettings.defaults("short-memory", List.of("t.v1")).withReceiptRetention(Duration.ofDays(2)));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
