package dev.tradefleet.connector.orders;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientOrderIdsTest {

    @Test
    void theSameIntentAlwaysGivesTheSameIdAndTheIdGivesBackTheIntent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID intent = UUID.randomUUID();
            String id = ClientOrderIds.of(intent, ClientOrderIds.Venue.BINANCE);
            assertEquals(id, ClientOrderIds.of(intent, ClientOrderIds.Venue.BINANCE), "deterministic");
            assertEquals(intent, ClientOrderIds.intentOf(id));
            assertTrue(seen.add(id), "distinct intents, distinct ids");
        }
        UUID extreme = new UUID(-1L, -1L);
        assertEquals(extreme, ClientOrderIds.intentOf(ClientOrderIds.of(extreme, ClientOrderIds.Venue.MEXC)));
        UUID zero = new UUID(0, 0);
        assertEquals(zero, ClientOrderIds.intentOf(ClientOrderIds.of(zero, ClientOrderIds.Venue.BITGET)));
    }

    @Test
    void idsFitEveryVenuesRules() {
        UUID intent = UUID.randomUUID();
        String binance = ClientOrderIds.of(intent, ClientOrderIds.Venue.BINANCE);
        assertTrue(binance.matches("^[a-zA-Z0-9-_]{1,36}$"), binance);
        String gate = ClientOrderIds.of(intent, ClientOrderIds.Venue.GATEIO);
        assertTrue(gate.startsWith("t-") && gate.substring(2).length() <= 28 && gate.substring(2).matches("[0-9A-Za-z_.-]+"), gate);
        assertEquals(intent, ClientOrderIds.intentOf(gate));
        assertEquals(28, ClientOrderIds.of(intent, ClientOrderIds.Venue.MEXC).length());
    }

    @Test
    void aStopLimitsIdIsToldFromAnOrdersByItselfAndNamesTheSameIntent() {
        UUID intent = UUID.randomUUID();
        for (ClientOrderIds.Venue venue : ClientOrderIds.Venue.values()) {
            String order = ClientOrderIds.of(intent, venue);
            String trigger = ClientOrderIds.ofTrigger(intent, venue);
            assertNotEquals(order, trigger);
            assertEquals(order.length(), trigger.length(), "within the same length rules");
            assertEquals(intent, ClientOrderIds.intentOf(trigger));
            assertTrue(ClientOrderIds.isTrigger(trigger), trigger);
            assertFalse(ClientOrderIds.isTrigger(order), order);
        }
        assertFalse(ClientOrderIds.isTrigger("ts_manual_stop"), "a stop the user placed by hand is not one of ours");
        assertFalse(ClientOrderIds.isTrigger(null));
    }

    @Test
    void idsWeDidNotMakeNameNoIntent() {
        assertNull(ClientOrderIds.intentOf("web_9f2c1a"));
        assertNull(ClientOrderIds.intentOf("tf"));
        assertNull(ClientOrderIds.intentOf(null));
        assertNull(ClientOrderIds.intentOf("tfAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }
}
