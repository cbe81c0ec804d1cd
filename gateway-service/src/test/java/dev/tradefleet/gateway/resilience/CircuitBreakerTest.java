package dev.tradefleet.gateway.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;
    /** At least 20 requests in 10 s, at least half of them failed. */
    private final CircuitBreaker breaker = new CircuitBreaker(20, 0.5, Duration.ofSeconds(10), Duration.ofSeconds(10));

    private void open() {
        for (int i = 0; i < 20; i++) {
            breaker.onFailure(i * MILLI);
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    }

    @Test
    void aHandfulOfFailuresNeverOpensIt() {
        for (int i = 0; i < 19; i++) {
            breaker.onFailure(i * MILLI);
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "19 failures are below the minimum volume");
        assertTrue(breaker.tryPass(SECOND));
    }

    @Test
    void opensOnTheFailureRateOverTheMinimumVolume() {
        for (int i = 0; i < 12; i++) {
            breaker.onSuccess(i * MILLI);
        }
        for (int i = 0; i < 8; i++) {
            breaker.onFailure(SECOND + i * MILLI);
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "8 failures of 20 is under half");
        for (int i = 0; i < 4; i++) {
            breaker.onFailure(2 * SECOND + i * MILLI);
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "12 failures of 24 is half");
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 15; i++) {
            breaker.onFailure(i * MILLI);
        }
        for (int i = 0; i < 15; i++) {
            breaker.onFailure(11 * SECOND + i * MILLI);
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "15 + 15 failures, 11 s apart, never 20 in one window");
    }

    @Test
    void whileOpenItRefusesAndSaysForHowLong() {
        open();
        assertFalse(breaker.tryPass(SECOND));
        assertEquals(Duration.ofMillis(9019), breaker.remainingOpen(SECOND));
    }

    @Test
    void halfOpenLetsOneTrialThroughAndClosesOnSuccessWithACleanWindow() {
        open();
        assertTrue(breaker.tryPass(11 * SECOND));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryPass(11 * SECOND), "only one trial at a time");
        breaker.onSuccess(11 * SECOND);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        breaker.onFailure(11 * SECOND);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "the failures before it opened are forgotten");
        assertTrue(breaker.tryPass(11 * SECOND));
    }

    @Test
    void aFailedTrialOpensAgain() {
        open();
        assertTrue(breaker.tryPass(11 * SECOND));
        breaker.onFailure(11 * SECOND);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryPass(15 * SECOND));
        assertTrue(breaker.tryPass(21 * SECOND));
    }
}
