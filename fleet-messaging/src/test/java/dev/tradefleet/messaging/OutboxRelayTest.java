package dev.tradefleet.messaging;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.messaging.outbox.EventPublisher;
import dev.tradefleet.messaging.outbox.KafkaEventPublisher;
import dev.tradefleet.messaging.outbox.Outbox;
import dev.tradefleet.messaging.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxRelayTest {

    private final MessagingHarness h = new MessagingHarness();
    private final Outbox outbox = new Outbox();
    private final List<OutboxRelay> relays = new ArrayList<>();

    @AfterEach
    void tearDown() {
        relays.forEach(OutboxRelay::close);
        h.close();
    }

    private OutboxRelay relay(EventPublisher publisher, OutboxRelay.Settings settings) {
        OutboxRelay relay = new OutboxRelay(h.pool, publisher, settings);
        relays.add(relay);
        return relay;
    }

    private static Set<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventCodec.decode(r.value()).id()).collect(Collectors.toSet());
    }

    @Test
    void anEventWrittenInARolledBackTransactionIsNeverPublished() {
        EventEnvelope rolledBack = MessagingHarness.payment("acct-1", 1, "10.00");
        EventEnvelope committed = MessagingHarness.payment("acct-1", 2, "20.00");

        assertThrows(RuntimeException.class, () -> h.pool.withTransaction(tx -> outbox.enqueue(tx, h.topic, "acct-1", rolledBack)
                .flatMap(ignored -> Uni.createFrom().failure(new IllegalStateException("business rule failed"))))
                .await().indefinitely());
        h.pool.withTransaction(tx -> outbox.enqueue(tx, h.topic, "acct-1", committed)).await().indefinitely();

        relay(new KafkaEventPublisher(h.producer), OutboxRelay.Settings.defaults()).start("rollback");

        List<ConsumerRecord<String, byte[]>> records = h.readUntil(h.topic, r -> ids(r).contains(committed.id()));
        assertEquals(Set.of(committed.id()), ids(records));
        assertEquals(1, h.count("SELECT count(*) FROM fleet_outbox"));
        assertEquals(0, h.count("SELECT count(*) FROM fleet_outbox WHERE published_at IS NULL"));
    }

    @Test
    void aRelayStoppedMidBatchLosesNothingAndKeepsPerKeyOrderAfterRestart() {
        List<String> keys = List.of("acct-a", "acct-b", "acct-c", "acct-d", "acct-e");
        List<EventEnvelope> all = new ArrayList<>();
        for (int batch = 0; batch < 30; batch++) {
            List<EventEnvelope> inTransaction = new ArrayList<>();
            for (String key : keys) {
                EventEnvelope event = MessagingHarness.payment(key, batch, batch + ".5");
                inTransaction.add(event);
                all.add(event);
            }
            h.pool.withTransaction(tx -> Uni.join().all(inTransaction.stream()
                    .map(e -> outbox.enqueue(tx, h.topic, e.subject(), e)).toList()).andFailFast()).await().indefinitely();
        }

        // The first relay gets 60 acks from the broker, then dies before it can mark anything.
        KafkaEventPublisher kafka = new KafkaEventPublisher(h.producer);
        AtomicInteger sent = new AtomicInteger();
        EventPublisher crashing = event -> sent.incrementAndGet() <= 60
                ? kafka.publish(event)
                : CompletableFuture.failedFuture(new IllegalStateException("process killed"));
        OutboxRelay first = relay(crashing, OutboxRelay.Settings.defaults());
        assertThrows(RuntimeException.class, first::relayBatch);
        first.close();
        assertEquals(all.size(), h.count("SELECT count(*) FROM fleet_outbox WHERE published_at IS NULL"));

        relay(kafka, OutboxRelay.Settings.defaults().withBatchSize(40)).start("restarted");

        Set<String> expected = all.stream().map(EventEnvelope::id).collect(Collectors.toSet());
        List<ConsumerRecord<String, byte[]>> records = h.readUntil(h.topic, r -> ids(r).containsAll(expected));
        assertEquals(expected, ids(records), "every committed event is published");
        assertTrue(records.size() >= all.size() + 60, "the 60 events acknowledged before the crash come again (at least once)");

        Map<String, LinkedHashSet<Integer>> firstSeenOrder = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope event = EventCodec.decode(record.value());
            assertEquals(event.subject(), record.key());
            firstSeenOrder.computeIfAbsent(record.key(), k -> new LinkedHashSet<>())
                    .add(EventCodec.payload(event, MessagingHarness.Payment.class).sequence());
        }
        for (String key : keys) {
            List<Integer> order = new ArrayList<>(firstSeenOrder.get(key));
            List<Integer> sorted = order.stream().sorted().toList();
            assertEquals(sorted, order, "events of " + key + " arrive in commit order");
            assertEquals(30, order.size());
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> h.count("SELECT count(*) FROM fleet_outbox WHERE published_at IS NULL") == 0);
    }

    @Test
    void aCommitWakesTheRelayWithoutWaitingForThePoll() {
        OutboxRelay relay = relay(new KafkaEventPublisher(h.producer),
                OutboxRelay.Settings.defaults().withPollInterval(Duration.ofHours(1)));
        relay.start("notify");
        // Let the relay finish its first (empty) pass and go to sleep for the hour.
        sleep(1500);

        EventEnvelope event = MessagingHarness.payment("acct-9", 1, "1");
        h.pool.withTransaction(tx -> outbox.enqueue(tx, h.topic, "acct-9", event)).await().indefinitely();

        List<ConsumerRecord<String, byte[]>> records = h.readUntil(h.topic, r -> !r.isEmpty());
        assertEquals(Set.of(event.id()), ids(records));
    }

    @Test
    void onlyOneRelayPublishesAtATime() throws Exception {
        for (int i = 0; i < 50; i++) {
            EventEnvelope event = MessagingHarness.payment("acct-" + (i % 3), i, "1");
            h.pool.withTransaction(tx -> outbox.enqueue(tx, h.topic, event.subject(), event)).await().indefinitely();
        }
        // The first relay blocks inside its batch; the second must see the lock taken and publish nothing.
        CompletableFuture<Void> release = new CompletableFuture<>();
        KafkaEventPublisher kafka = new KafkaEventPublisher(h.producer);
        OutboxRelay slow = relay(event -> release.thenCompose(ignored -> kafka.publish(event)), OutboxRelay.Settings.defaults());
        CompletableFuture<Integer> slowBatch = CompletableFuture.supplyAsync(slow::relayBatch);
        sleep(1000);
        OutboxRelay other = relay(kafka, OutboxRelay.Settings.defaults());
        assertEquals(0, other.relayBatch());
        release.complete(null);
        assertEquals(50, slowBatch.get());
        assertEquals(0, other.relayBatch());
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        OutboxRelay relay = relay(e -> CompletableFuture.completedFuture(null), OutboxRelay.Settings.defaults());
        assertEquals(Duration.ofMillis(100), relay.backoff(1));
        assertEquals(Duration.ofMillis(200), relay.backoff(2));
        assertEquals(Duration.ofMillis(1600), relay.backoff(5));
        assertEquals(Duration.ofSeconds(30), relay.backoff(40));
        assertFalse(relay.backoff(1000).isNegative());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
