package dev.tradefleet.messaging;

import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.messaging.receipts.ConsumerReceipts;
import dev.tradefleet.messaging.receipts.ConsumerReceipts.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerReceiptsTest {

    private final MessagingHarness h = new MessagingHarness();
    private final ConsumerReceipts receipts = new ConsumerReceipts("ledger-test", Duration.ofSeconds(30));

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

    @Test
    void anEffectThatOverrunsItsTimeIsStoppedAndRolledBackSoTheRetryAppliesIt() {
        ConsumerReceipts impatient = new ConsumerReceipts("ledger-test", Duration.ofMillis(500));
        EventEnvelope event = MessagingHarness.payment("acct-4", 1, "4");
        // told within seconds, not after the statement's minute
        RuntimeException overrun = assertThrows(RuntimeException.class, () -> impatient.applyOnce(h.pool, event, tx -> insert(tx, event)
                .chain(() -> tx.query("SELECT pg_sleep(60)").execute()).replaceWithVoid()).await().atMost(Duration.ofSeconds(20)));
        assertTrue(String.valueOf(overrun.getCause()).contains("took longer than PT0.5S"), overrun.toString());
        assertEquals(0, h.count("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' AND state = 'active'"),
                "the overrunning statement was cancelled, not left holding its locks");

        // without the rollback this would wait on the abandoned transaction's receipt, then find it applied by it
        Outcome retry = receipts.applyOnce(h.pool, event, tx -> insert(tx, event)).await().atMost(Duration.ofSeconds(20));
        assertEquals(Outcome.APPLIED, retry);
        assertEquals(1, h.count("SELECT count(*) FROM applied_effects"), "the abandoned try left nothing behind");
    }

    private Uni<Void> insert(SqlConnection tx, EventEnvelope event) {
        return tx.preparedQuery("INSERT INTO applied_effects (event_id, record_key, amount) VALUES ($1, $2, 1)")
                .execute(Tuple.of(event.id(), event.subject())).replaceWithVoid();
    }
}
