package dev.tradefleet.messaging;

import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.messaging.receipts.ConsumerReceipts;
import dev.tradefleet.messaging.receipts.ConsumerReceipts.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

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

    @Test
    void aBatchAppliesEachNewEventOnceInOrderAndAllOrNothing() {
        EventEnvelope seen = MessagingHarness.payment("acct-3", 1, "1");
        EventEnvelope fresh = MessagingHarness.payment("acct-3", 2, "2");
        EventEnvelope later = MessagingHarness.payment("acct-3", 3, "3");
        receipts.applyOnce(h.pool, seen, tx -> insert(tx, seen)).await().indefinitely();

        assertThrows(RuntimeException.class, () -> receipts.applyAllOnce(h.pool, List.of(fresh, later), (tx, event) -> event == later
                ? tx.query("INSERT INTO no_such_table VALUES (1)").execute().replaceWithVoid() : insert(tx, event)).await().indefinitely());
        assertEquals(1, h.count("SELECT count(*) FROM applied_effects"), "the failing batch left no effect");
        assertEquals(1, h.count("SELECT count(*) FROM fleet_consumer_receipts"), "and no receipt");

        List<Outcome> outcomes = receipts.applyAllOnce(h.pool, List.of(seen, fresh, fresh, later), this::insert).await().indefinitely();
        assertEquals(List.of(Outcome.DUPLICATE, Outcome.APPLIED, Outcome.DUPLICATE, Outcome.APPLIED), outcomes);
        List<String> applied = h.pool.query("SELECT event_id FROM applied_effects ORDER BY applied_order").execute().await().indefinitely()
                .stream().map(row -> row.getString(0)).toList();
        assertEquals(List.of(seen.id(), fresh.id(), later.id()), applied, "each once, in the batch's order");
    }

    private Uni<Void> insert(SqlConnection tx, EventEnvelope event) {
        return tx.preparedQuery("INSERT INTO applied_effects (event_id, record_key, amount) VALUES ($1, $2, 1)")
                .execute(Tuple.of(event.id(), event.subject())).replaceWithVoid();
    }
}
