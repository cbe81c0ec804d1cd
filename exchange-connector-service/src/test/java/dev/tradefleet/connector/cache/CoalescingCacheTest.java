package dev.tradefleet.connector.cache;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoalescingCacheTest {

    /** A clock moved by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void oneLoadServesEveryoneWithinItsTimeAndWhatNobodyAskedForLatelyIsForgotten() {
        HandClock clock = new HandClock();
        AtomicInteger loads = new AtomicInteger();
        CoalescingCache<Integer, String> cache = new CoalescingCache<>(key -> {
            loads.incrementAndGet();
            return CompletableFuture.completedFuture("chart " + key);
        }, Duration.ofSeconds(2), Duration.ofMinutes(1), clock);

        for (int i = 0; i < 1000; i++) {
            assertEquals("chart 7", cache.get(7).join());
        }
        assertEquals(1, loads.get(), "a thousand asks, one load");

        for (int key = 0; key < 3000; key++) {
            cache.get(key).join();
        }
        assertTrue(cache.size() >= 3000 - CoalescingCache.SWEEP_EVERY, "fresh answers are kept");
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        for (int i = 0; i < CoalescingCache.SWEEP_EVERY; i++) {
            cache.get(-1).join();
        }
        assertEquals(1, cache.size(), "answers past their time and stale allowance are gone; only the one asked for now is held");
    }
}
