package dev.tradefleet.messaging;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.MalformedEventException;
import dev.tradefleet.messaging.deadletter.DeadLetterPublisher;
import dev.tradefleet.messaging.receipts.ConsumerReceipts;
import dev.tradefleet.messaging.receipts.ConsumerReceipts.Outcome;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotentConsumerTest {

    private final MessagingHarness h = new MessagingHarness();
    private final ConsumerReceipts receipts = new ConsumerReceipts("ledger-test");

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** What a real consumer does with one record: apply it once, or park it when it cannot be read. */
    private Outcome handle(ConsumerRecord<String, byte[]> record, DeadLetterPublisher deadLetters) throws Exception {
        EventEnvelope event;
        MessagingHarness.Payment payment;
        try {
            event = EventCodec.decode(record.value());
            payment = EventCodec.payload(event, MessagingHarness.Payment.class);
        } catch (MalformedEventException e) {
            deadLetters.send(record, e.getMessage()).get();
            return null;
        }
        return receipts.applyOnce(h.pool, event, tx -> tx
                .preparedQuery("INSERT INTO applied_effects (event_id, record_key, amount) VALUES ($1, $2, $3)")
                .execute(Tuple.of(event.id(), record.key(), payment.amount())).replaceWithVoid()).await().indefinitely();
    }

    private void send(String key, byte[] value) throws Exception {
        h.producer.send(new ProducerRecord<>(h.topic, key, value)).get();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        EventEnvelope event = MessagingHarness.payment("acct-1", 1, "12.345");
        byte[] bytes = EventCodec.encode(event);
        // The broker delivers it twice (a producer retry), and a consumer that crashed before committing
        // its offset reads both again.
        send("acct-1", bytes);
        send("acct-1", bytes);
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(h.producer, "ledger-test");

        List<Outcome> outcomes = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (ConsumerRecord<String, byte[]> record : h.readUntil(h.topic, r -> r.size() == 2)) {
                outcomes.add(handle(record, deadLetters));
            }
        }

        assertEquals(List.of(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.DUPLICATE), outcomes);
        assertEquals(1, h.count("SELECT count(*) FROM applied_effects"));
        assertEquals(0, new BigDecimal("12.345").compareTo(h.pool.query("SELECT sum(amount) FROM applied_effects")
                .execute().await().indefinitely().iterator().next().getBigDecimal(0)));
    }

    @Test
    void anEffectThatFailsLeavesNoReceiptSoTheRetryApplies() {
        EventEnvelope event = MessagingHarness.payment("acct-2", 1, "5");
        try {
            receipts.applyOnce(h.pool, event, tx -> tx.query("INSERT INTO no_such_table VALUES (1)").execute().replaceWithVoid())
                    .await().indefinitely();
        } catch (RuntimeException expected) {
            // the effect failed: its receipt must have rolled back with it
        }
        assertEquals(0, h.count("SELECT count(*) FROM fleet_consumer_receipts"));
        Outcome retry = receipts.applyOnce(h.pool, event, tx -> tx
                .preparedQuery("INSERT INTO applied_effects VALUES ($1, 'acct-2', 5)").execute(Tuple.of(event.id()))
                .replaceWithVoid()).await().indefinitely();
        assertEquals(Outcome.APPLIED, retry);
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicWithTheReasonAndDoesNotBlockThePartition() throws Exception {
        EventEnvelope good = MessagingHarness.payment("acct-3", 2, "7.5");
        send("acct-3", "{not json".getBytes(StandardCharsets.UTF_8));
        send("acct-3", EventCodec.encode(good));
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(h.producer, "ledger-test");

        List<Outcome> outcomes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : h.readUntil(h.topic, r -> r.size() == 2)) {
            outcomes.add(handle(record, deadLetters));
        }
        assertEquals(Outcome.APPLIED, outcomes.get(1), "the event after the bad one is applied");

        List<ConsumerRecord<String, byte[]>> dead = h.readUntil(h.topic + ".dlq", r -> !r.isEmpty());
        assertEquals(1, dead.size());
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertEquals("{not json", new String(letter.value(), StandardCharsets.UTF_8));
        assertEquals("acct-3", letter.key());
        assertTrue(header(letter, DeadLetterPublisher.REASON).startsWith("not JSON"), header(letter, DeadLetterPublisher.REASON));
        assertEquals(h.topic, header(letter, DeadLetterPublisher.ORIGINAL_TOPIC));
        assertEquals("ledger-test", header(letter, DeadLetterPublisher.CONSUMER));
        assertEquals("0", header(letter, DeadLetterPublisher.ORIGINAL_OFFSET));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
