package dev.tradefleet.gateway.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstThenRefusesWithTheWaitUntilTheNextToken() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(3, 2);
        long t = 0;
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("u", t).allowed());
        }
        TokenBucketLimiter.Decision refused = limiter.tryAcquire("u", t);
        assertFalse(refused.allowed());
        assertEquals(Duration.ofMillis(500), refused.retryAfter());
        assertTrue(limiter.tryAcquire("u", t + SECOND / 2).allowed());
        assertFalse(limiter.tryAcquire("u", t + SECOND / 2).allowed());
    }

    @Test
    void keysAreIndependentAndRefillStopsAtCapacity() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(2, 1);
        assertTrue(limiter.tryAcquire("a", 0).allowed());
        assertTrue(limiter.tryAcquire("a", 0).allowed());
        assertFalse(limiter.tryAcquire("a", 0).allowed());
        assertTrue(limiter.tryAcquire("b", 0).allowed());
        long muchLater = 3600 * SECOND;
        assertTrue(limiter.tryAcquire("a", muchLater).allowed());
        assertTrue(limiter.tryAcquire("a", muchLater).allowed());
        assertFalse(limiter.tryAcquire("a", muchLater).allowed());
    }
}
