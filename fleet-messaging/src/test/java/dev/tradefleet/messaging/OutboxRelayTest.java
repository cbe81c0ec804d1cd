package dev.tradefleet.messaging;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.messaging.outbox.EventPublisher;
import dev.tradefleet.messaging.outbox.KafkaEventPublisher;
import dev.tradefleet.messaging.outbox.Outbox;
import dev.tradefleet.messaging.outbox.OutboxRelay;
import dev.tradefleet.embedded.FreePorts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    private KafkaEventPublisher kafka() {
        return new KafkaEventPublisher(h.producer);
    }

    private void commit(String topic, EventEnvelope event) {
        h.pool.withTransaction(tx -> outbox.enqueue(tx, topic, event.subject(), event)).await().indefinitely();
    }

    private static Set<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventCodec.decode(r.value()).id()).collect(Collectors.toSet());
    }

    private static List<String> idsInOrder(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventCodec.decode(r.value()).id()).distinct().toList();
    }

    @Test
    void anEventWrittenInARolledBackTransactionIsNeverPublished() {
        EventEnvelope rolledBack = MessagingHarness.payment("acct-1", 1, "10.00");
        EventEnvelope committed = MessagingHarness.payment("acct-1", 2, "20.00");

        assertThrows(RuntimeException.class, () -> h.pool.withTransaction(tx -> outbox.enqueue(tx, h.topic, "acct-1", rolledBack)
                .flatMap(ignored -> Uni.createFrom().failure(new IllegalStateException("business rule failed"))))
                .await().indefinitely());
        commit(h.topic, committed);

        relay(kafka(), OutboxRelay.Settings.defaults()).start("rollback");

        List<ConsumerRecord<String, byte[]>> records = h.readUntil(h.topic, r -> ids(r).contains(committed.id()));
        assertEquals(Set.of(committed.id()), ids(records));
        assertEquals(1, h.count("SELECT count(*) FROM fleet_outbox"));
        await().atMost(Duration.ofSeconds(30)).until(() -> h.count("SELECT count(*) FROM fleet_outbox WHERE published_at IS NULL") == 0);
    }

    @Test
    void aRelayKilledAfterTheBrokerAckedButBeforeMarkingRepublishesEverythingInPerKeyOrder() {
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

        // The first relay gets 60 acks from the broker, then the process dies before it can mark anything.
        KafkaEventPublisher kafka = kafka();
        AtomicInteger sent = new AtomicInteger();
        EventPublisher dying = event -> {
            if (sent.incrementAndGet() > 60) {
                throw new OutOfMemoryError("simulated: the process dies here");
            }
            return kafka.publish(event);
        };
        OutboxRelay first = relay(dying, OutboxRelay.Settings.defaults());
        assertThrows(OutOfMemoryError.class, first::relayBatch);
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
            assertEquals(order.stream().sorted().toList(), order, "events of " + key + " arrive in commit order");
            assertEquals(30, order.size());
        }
        await().atMost(Duration.ofSeconds(30)).until(
                () -> h.count("SELECT count(*) FROM fleet_outbox WHERE published_at IS NULL") == 0);
    }

    @Test
    void eventsOfOneKeyArePublishedInTheOrderTheirTransactionsCommitEvenWhenTheLaterOneEnqueuedFirst() throws Exception {
        EventEnvelope slow = MessagingHarness.payment("acct-k", 1, "1");
        EventEnvelope fast = MessagingHarness.payment("acct-k", 2, "2");
        EventEnvelope otherKey = MessagingHarness.payment("acct-other", 3, "3");

        // T1 enqueues for acct-k and stays open.
        SqlConnection connection = h.pool.getConnection().await().indefinitely();
        Transaction t1 = connection.begin().await().indefinitely();
        outbox.enqueue(connection, h.topic, "acct-k", slow).await().indefinitely();

        // Another key is not held up by T1 at all.
        commit(h.topic, otherKey);

        // T2 enqueues for the same key: it waits for T1 instead of committing first with a higher id.
        CompletableFuture<Void> t2 = h.pool.withTransaction(tx -> outbox.enqueue(tx, h.topic, "acct-k", fast))
                .subscribeAsCompletionStage();
        await().atMost(Duration.ofSeconds(30)).until(() -> h.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 1);
        assertFalse(t2.isDone(), "T2 waits for T1");

        t1.commit().await().indefinitely();
        connection.close().await().indefinitely();
        t2.get(30, TimeUnit.SECONDS);

        relay(kafka(), OutboxRelay.Settings.defaults()).start("commit-order");
        List<ConsumerRecord<String, byte[]>> records = h.readUntil(h.topic, r -> ids(r).size() == 3);
        List<String> forKey = records.stream().filter(r -> r.key().equals("acct-k")).map(r -> EventCodec.decode(r.value()).id()).toList();
        assertEquals(List.of(slow.id(), fast.id()), forKey);
    }

    @Test
    void rowsCommittedOutOfIdOrderAreAllPublished() throws Exception {
        OutboxRelay relay = relay(kafka(), OutboxRelay.Settings.defaults());
        relay.start("out-of-order");
        EventEnvelope earlierId = MessagingHarness.payment("acct-x", 1, "1");
        EventEnvelope laterId = MessagingHarness.payment("acct-y", 2, "2");
        SqlConnection connection = h.pool.getConnection().await().indefinitely();
        Transaction open = connection.begin().await().indefinitely();
        outbox.enqueue(connection, h.topic, "acct-x", earlierId).await().indefinitely();
        commit(h.topic, laterId);
        await().atMost(Duration.ofSeconds(30)).until(() -> h.count("SELECT count(*) FROM fleet_outbox WHERE published_at IS NOT NULL") == 1);

        open.commit().await().indefinitely();
        connection.close().await().indefinitely();
        List<ConsumerRecord<String, byte[]>> records = h.readUntil(h.topic, r -> ids(r).size() == 2);
        assertEquals(Set.of(earlierId.id(), laterId.id()), ids(records), "the row with the lower id, committed later, is not skipped");
    }

    @Test
    void aCommitWakesTheRelayWithoutWaitingForThePoll() {
        OutboxRelay relay = relay(kafka(), OutboxRelay.Settings.defaults().withPollInterval(Duration.ofHours(1)));
        relay.start("notify");
        // the relay has finished its first (empty) pass and sleeps for the hour
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.passes() >= 1);

        EventEnvelope event = MessagingHarness.payment("acct-9", 1, "1");
        commit(h.topic, event);

        List<ConsumerRecord<String, byte[]>> records = h.readUntil(h.topic, r -> !r.isEmpty());
        assertEquals(Set.of(event.id()), ids(records));
    }

    @Test
    void onlyOneRelayPublishesAtATime() throws Exception {
        for (int i = 0; i < 50; i++) {
            commit(h.topic, MessagingHarness.payment("acct-" + (i % 3), i, "1"));
        }
        // The first relay blocks inside its batch; the second must see the lock taken and publish nothing.
        CountDownLatch publishing = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        KafkaEventPublisher kafka = kafka();
        OutboxRelay slow = relay(event -> {
            publishing.countDown();
            return release.thenCompose(ignored -> kafka.publish(event));
        }, OutboxRelay.Settings.defaults());
        CompletableFuture<Integer> slowBatch = CompletableFuture.supplyAsync(slow::relayBatch);
        assertTrue(publishing.await(30, TimeUnit.SECONDS));
        OutboxRelay other = relay(kafka, OutboxRelay.Settings.defaults());
        assertEquals(0, other.relayBatch());
        release.complete(null);
        assertEquals(50, slowBatch.get());
        assertEquals(0, other.relayBatch());
    }

    @Test
    void sendsNeverRunOnAnEventLoop() {
        ConcurrentLinkedQueue<String> eventLoopSends = new ConcurrentLinkedQueue<>();
        AtomicInteger sends = new AtomicInteger();
        KafkaEventPublisher kafka = kafka();
        relay(event -> {
            sends.incrementAndGet();
            if (Context.isOnEventLoopThread()) {
                eventLoopSends.add(Thread.currentThread().getName());
            }
            return kafka.publish(event);
        }, OutboxRelay.Settings.defaults()).start("threads");
        for (int i = 0; i < 20; i++) {
            commit(h.topic, MessagingHarness.payment("acct-" + (i % 4), i, "1"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sends.get() >= 20);
        assertEquals(List.of(), List.copyOf(eventLoopSends), "producer.send may block for max.block.ms: never on an event loop");
    }

    @Test
    void aRowTooLargeToSendIsParkedItsKeyWaitsBehindItAndOtherKeysFlowUntilAnOperatorReplaysIt() {
        EventEnvelope large = MessagingHarness.payment("acct-big", 1, "1." + "1".repeat(1500));
        EventEnvelope behindIt = MessagingHarness.payment("acct-big", 2, "2");
        EventEnvelope otherKey = MessagingHarness.payment("acct-small", 3, "3");
        commit(h.topic, large);
        commit(h.topic, behindIt);
        commit(h.topic, otherKey);

        OutboxRelay relay = relay(kafka(), OutboxRelay.Settings.defaults().withParking(10, 1000));
        assertEquals(1, relay.relayBatch(), "only the other key's event goes out");
        assertEquals(new OutboxRelay.Backlog(1, 1), relay.countBacklog(), "one parked, one waiting behind it");
        assertEquals(0, relay.relayBatch(), "the parked row's key stays held");
        String reason = h.pool.query("SELECT last_error FROM fleet_outbox WHERE parked_at IS NOT NULL").execute()
                .await().indefinitely().iterator().next().getString(0);
        assertTrue(reason.contains("more than the 1000 the producer may send"), reason);

        // The runbook's replay, after the limit was raised.
        h.pool.query("UPDATE fleet_outbox SET parked_at = NULL, attempts = 0 WHERE parked_at IS NOT NULL").execute().await().indefinitely();
        OutboxRelay raised = relay(kafka(), OutboxRelay.Settings.defaults());
        assertEquals(2, raised.relayBatch());
        List<ConsumerRecord<String, byte[]>> records = h.readUntil(h.topic, r -> ids(r).size() == 3);
        assertEquals(List.of(large.id(), behindIt.id()), idsInOrder(records.stream().filter(r -> r.key().equals("acct-big")).toList()));
        assertEquals(new OutboxRelay.Backlog(0, 0), raised.countBacklog());
    }

    @Test
    void aRowForATopicTheBrokerRefusesIsParkedAfterBoundedTriesWhileOtherTopicsFlow() {
        String refused = "no such topic!";
        commit(refused, MessagingHarness.payment("acct-r", 1, "1"));
        EventEnvelope good = MessagingHarness.payment("acct-g", 2, "2");
        commit(h.topic, good);

        OutboxRelay relay = relay(kafka(), OutboxRelay.Settings.defaults().withParking(3, 1024 * 1024));
        int published = 0;
        for (int pass = 0; pass < 3; pass++) {
            published += relay.relayBatch();
            EventEnvelope more = MessagingHarness.payment("acct-g", 10 + pass, "1");
            commit(h.topic, more);
        }
        assertTrue(published >= 3, "other rows kept flowing: " + published);
        assertEquals(1, h.count("SELECT count(*) FROM fleet_outbox WHERE parked_at IS NOT NULL AND attempts = 3"));
        assertTrue(h.count("SELECT count(*) FROM fleet_outbox WHERE parked_at IS NOT NULL AND last_error LIKE 'InvalidTopicException%'") == 1);
    }

    @Test
    void aBrokerOutageNeverStallsRequestsServedOnTheEventLoops() throws Exception {
        for (int i = 0; i < 20; i++) {
            commit(h.topic, MessagingHarness.payment("acct-o" + i, i, "1"));
        }
        // Requests served like the services serve them: on the event loops the pool's connections use.
        io.vertx.mutiny.core.http.HttpServer server = h.vertx.createHttpServer()
                .requestHandler(request -> h.pool.query("SELECT 1").execute()
                        .subscribe().with(rows -> request.response().endAndForget("ok"),
                                failure -> request.response().setStatusCode(500).endAndForget()))
                .listen(0, "127.0.0.1").await().indefinitely();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + server.actualPort() + "/");
        try (KafkaProducer<String, byte[]> nowhere = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FreePorts.next(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000), new StringSerializer(), new ByteArraySerializer())) {
            OutboxRelay relay = relay(new KafkaEventPublisher(nowhere), OutboxRelay.Settings.defaults());
            relay.start("outage");
            long slowest = 0;
            long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            int answered = 0;
            while (System.nanoTime() < until) {
                long started = System.nanoTime();
                java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                slowest = Math.max(slowest, System.nanoTime() - started);
                answered++;
            }
            // the relay spends these seconds blocked in send() for metadata (max.block.ms = 5 s); on an event
            // loop that would hold requests for seconds, on its own thread it holds none
            assertTrue(answered > 20, "answered " + answered);
            assertTrue(slowest < Duration.ofSeconds(2).toNanos(), "slowest request took " + slowest / 1_000_000 + " ms");
        } finally {
            server.close().await().indefinitely();
        }
    }

    @Test
    void aTopicThatCannotBeReachedRestsWhileOtherTopicsFlow() {
        String stuck = h.topic + "-stuck";
        for (int i = 0; i < 600; i++) {
            commit(stuck, MessagingHarness.payment("acct-s" + i, i, "1"));
        }
        EventEnvelope other = MessagingHarness.payment("acct-other", 1, "1");
        commit(h.topic, other);
        KafkaEventPublisher kafka = kafka();
        EventPublisher publisher = event -> event.topic().equals(stuck)
                ? CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata"))
                : kafka.publish(event);
        OutboxRelay relay = relay(publisher, OutboxRelay.Settings.defaults());
        assertThrows(IllegalStateException.class, relay::relayBatch, "the first batch is all the stuck topic's");
        assertEquals(1, relay.relayBatch(), "then the stuck topic rests and the other one's event goes");
        assertEquals(Set.of(other.id()), ids(h.readUntil(h.topic, r -> !r.isEmpty())));
        assertEquals(0, h.count("SELECT count(*) FROM fleet_outbox WHERE attempts > 0 OR parked_at IS NOT NULL"),
                "an unreachable topic is an outage: nothing counted, nothing parked");
    }

    @Test
    void oneKeysBacklogCannotFillABatch() {
        for (int i = 0; i < 300; i++) {
            commit(h.topic, MessagingHarness.payment("acct-heavy", i, "1"));
        }
        EventEnvelope light = MessagingHarness.payment("acct-light", 1, "1");
        commit(h.topic, light);
        KafkaEventPublisher kafka = kafka();
        // the heavy key's partition has no leader: its sends fail a moment later, as the broker's answers do
        OutboxRelay relay = relay(event -> event.key().equals("acct-heavy")
                ? CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> CompletableFuture.<Void>failedFuture(
                                new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moving")))
                : kafka.publish(event), OutboxRelay.Settings.defaults().withBatchSize(150));
        assertEquals(1, relay.relayBatch(), "the light key's event is in the first batch despite 300 rows ahead of it");
    }

    @Test
    void whileTheBrokerIsDownNothingIsParkedAndTheRelayBacksOff() {
        commit(h.topic, MessagingHarness.payment("acct-d", 1, "1"));
        try (KafkaProducer<String, byte[]> nowhere = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FreePorts.next(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500), new StringSerializer(), new ByteArraySerializer())) {
            OutboxRelay relay = relay(new KafkaEventPublisher(nowhere), OutboxRelay.Settings.defaults().withParking(2, 1024 * 1024));
            assertThrows(IllegalStateException.class, relay::relayBatch, "a pass that publishes nothing makes the loop back off");
            for (int pass = 0; pass < 3; pass++) {
                assertEquals(0, relay.relayBatch(), "the topic rests after failing: nothing is tried, nothing counted");
            }
        }
        assertEquals(0, h.count("SELECT count(*) FROM fleet_outbox WHERE parked_at IS NOT NULL OR attempts > 0"),
                "an outage is not the event's fault");
        assertNull(h.pool.query("SELECT published_at FROM fleet_outbox").execute().await().indefinitely().iterator().next().getValue(0));
    }
}
