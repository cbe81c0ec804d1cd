package dev.tradefleet.gateway.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        breaker.onFailure(0);
        breaker.onFailure(0);
        breaker.onSuccess();
        breaker.onFailure(0);
        breaker.onFailure(0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        breaker.onFailure(0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryPass(SECOND));
        assertEquals(Duration.ofSeconds(9), breaker.remainingOpen(SECOND));
    }

    @Test
    void halfOpenLetsOneTrialThroughAndClosesOnSuccess() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure(0);
        }
        assertTrue(breaker.tryPass(10 * SECOND));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryPass(10 * SECOND), "only one trial at a time");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryPass(10 * SECOND));
    }

    @Test
    void aFailedTrialOpensAgain() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure(0);
        }
        assertTrue(breaker.tryPass(10 * SECOND));
        breaker.onFailure(10 * SECOND);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryPass(15 * SECOND));
        assertTrue(breaker.tryPass(20 * SECOND));
    }
}
