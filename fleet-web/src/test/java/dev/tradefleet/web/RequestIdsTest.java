package dev.tradefleet.web;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RequestIdsTest {

    @Test
    void aSafeIncomingIdIsKept() {
        assertEquals("trace-42.a_B", RequestIds.acceptOrCreate("trace-42.a_B"));
    }

    @Test
    void anUnsafeOrOverlongIdIsReplaced() {
        for (String unsafe : new String[] {"a\nforged log line", "a b", "x".repeat(65), "", "<script>"}) {
            String id = RequestIds.acceptOrCreate(unsafe);
            assertNotEquals(unsafe, id);
            UUID.fromString(id);
        }
    }

    @Test
    void newIdsAreUuidsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.acceptOrCreate(null);
            assertEquals(id, UUID.fromString(id).toString());
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }
}
