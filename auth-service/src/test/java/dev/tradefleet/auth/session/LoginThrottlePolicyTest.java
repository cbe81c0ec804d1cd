package dev.tradefleet.auth.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottlePolicyTest {

    private final LoginThrottlePolicy policy = new LoginThrottlePolicy(new LoginThrottlePolicy.Limits(
            Duration.ofMinutes(15), 3, Duration.ofMillis(250), Duration.ofSeconds(2), 10, Duration.ofMinutes(15)));
    private final Instant t0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void failuresAreAnsweredSlowerAndSlowerUpToTheCap() {
        LoginThrottlePolicy.State state = null;
        long[] expectedMillis = {0, 0, 0, 250, 500, 750, 1000, 1250, 1500};
        for (long expected : expectedMillis) {
            state = policy.afterFailure(state, t0);
            assertEquals(Duration.ofMillis(expected), policy.delayAfter(state));
        }
        assertNull(state.lockedUntil());
        state = policy.afterFailure(state, t0);
        assertEquals(Duration.ofMillis(1750), policy.delayAfter(state));
        state = policy.afterFailure(state, t0);
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(state));
        state = policy.afterFailure(state, t0);
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(state));
    }

    @Test
    void theTenthFailureLocksForFifteenMinutes() {
        LoginThrottlePolicy.State state = null;
        for (int i = 0; i < 10; i++) {
            state = policy.afterFailure(state, t0.plusSeconds(i));
        }
        assertEquals(t0.plusSeconds(9).plus(Duration.ofMinutes(15)), state.lockedUntil());
        assertEquals(Duration.ofMinutes(15).minusSeconds(60 - 9),
                LoginThrottlePolicy.lockedFor(state, t0.plusSeconds(60)).orElseThrow());
        assertTrue(LoginThrottlePolicy.lockedFor(state, t0.plus(Duration.ofMinutes(16))).isEmpty());
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        LoginThrottlePolicy.State state = null;
        for (int i = 0; i < 9; i++) {
            state = policy.afterFailure(state, t0);
        }
        state = policy.afterFailure(state, t0.plus(Duration.ofMinutes(16)));
        assertEquals(1, state.failures());
        assertNull(state.lockedUntil());
    }

    @Test
    void aFailureAfterTheLockExpiredStartsOver() {
        LoginThrottlePolicy.State state = null;
        for (int i = 0; i < 10; i++) {
            state = policy.afterFailure(state, t0);
        }
        state = policy.afterFailure(state, t0.plus(Duration.ofMinutes(15)));
        assertEquals(1, state.failures());
        assertTrue(LoginThrottlePolicy.lockedFor(state, t0.plus(Duration.ofMinutes(15))).isEmpty());
    }
}
