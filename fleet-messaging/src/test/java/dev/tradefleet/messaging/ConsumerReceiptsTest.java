package dev.tradefleet.messaging;

import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.messaging.receipts.ConsumerReceipts;
import dev.tradefleet.messaging.receipts.ConsumerReceipts.Outcome;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConsumerReceiptsTest {

    private final MessagingHarness h = new MessagingHarness();
    private final ConsumerReceipts receipts = new ConsumerReceipts("ledger-test");

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void anEffectThatFailsLeavesNoReceiptSoTheRetryApplies() {
        EventEnvelope event = MessagingHarness.payment("acct-2", 1, "5");
        assertThrows(RuntimeException.class, () -> receipts.applyOnce(h.pool, event,
                tx -> tx.query("INSERT INTO no_such_table VALUES (1)").execute().replaceWithVoid()).await().indefinitely());
        assertEquals(0, h.count("SELECT count(*) FROM fleet_consumer_receipts"), "the receipt rolled back with the effect");

        Outcome retry = receipts.applyOnce(h.pool, event, tx -> tx
                .preparedQuery("INSERT INTO applied_effects (event_id, record_key, amount) VALUES ($1, 'acct-2', 5)")
                .execute(Tuple.of(event.id())).replaceWithVoid()).await().indefinitely();
        assertEquals(Outcome.APPLIED, retry);
        Outcome again = receipts.applyOnce(h.pool, event, tx -> tx.query("SELECT 1").execute().replaceWithVoid()).await().indefinitely();
        assertEquals(Outcome.DUPLICATE, again);
        assertEquals(1, h.count("SELECT count(*) FROM applied_effects"));
    }
}
