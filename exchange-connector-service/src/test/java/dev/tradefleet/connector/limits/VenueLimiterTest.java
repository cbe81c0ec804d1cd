package dev.tradefleet.connector.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter on the real clock: callers wait without blocking and are let go when capacity returns. */
class VenueLimiterTest {

    @Test
    void callersOverTheLimitAreLetGoWhenTheNextWindowOpens() throws Exception {
        try (VenueLimiter limiter = new VenueLimiter("test", List.of(
                new RateLimit("REQUESTS_1S", RateLimit.Scope.VENUE, RateLimit.Counts.REQUESTS, 5, Duration.ofSeconds(1))))) {
            List<CompletableFuture<Void>> permits = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                permits.add(limiter.acquire(VenueRequest.marketData(1)));
            }
            CompletableFuture.allOf(permits.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertEquals(0, limiter.waiting());
        }
    }

    @Test
    void aBanHoldsEveryCallerAndIsReported() throws Exception {
        try (VenueLimiter limiter = new VenueLimiter("test", List.of(
                new RateLimit("REQUESTS_1S", RateLimit.Scope.VENUE, RateLimit.Counts.REQUESTS, 100, Duration.ofSeconds(1))))) {
            limiter.pauseUntil(Instant.now().plusMillis(700), true);
            CompletableFuture<Void> permit = limiter.acquire(VenueRequest.cancel("acct", 1));
            assertTrue(limiter.banned());
            assertFalse(permit.isDone());
            permit.get(10, TimeUnit.SECONDS);
            assertFalse(limiter.banned());
        }
    }
}
