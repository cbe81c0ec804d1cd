package dev.tradefleet.auth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How failed logins are slowed down and then refused. Pure: the state is kept by
 * {@link LoginThrottleRepository}, per account and per client address.
 */
public final class LoginThrottlePolicy {

    public record Limits(Duration window, int slowAfter, Duration delayStep, Duration maxDelay, int lockAfter,
                         Duration lockDuration) {
    }

    /** Failures counted since {@code windowStarted}; {@code lockedUntil} is null while not locked. */
    public record State(int failures, Instant windowStarted, Instant lockedUntil) {
    }

    private final Limits limits;

    public LoginThrottlePolicy(Limits limits) {
        this.limits = limits;
    }

    /** How long {@code state} still refuses logins, if it does. */
    public static Optional<Duration> lockedFor(State state, Instant now) {
        if (state == null || state.lockedUntil() == null || !now.isBefore(state.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.lockedUntil()));
    }

    public State afterFailure(State state, Instant now) {
        boolean fresh = state == null || now.isAfter(state.windowStarted().plus(limits.window()))
                || (state.lockedUntil() != null && !now.isBefore(state.lockedUntil()));
        int failures = fresh ? 1 : state.failures() + 1;
        Instant started = fresh ? now : state.windowStarted();
        Instant lockedUntil = failures >= limits.lockAfter() ? now.plus(limits.lockDuration()) : null;
        return new State(failures, started, lockedUntil);
    }

    /**
     * The state once an attempt counted in advance turned out to succeed: the count goes back down, and a lock
     * that this very attempt set is lifted.
     */
    public State withdrawAttempt(State state) {
        if (state == null || state.failures() == 0) {
            return state;
        }
        int failures = state.failures() - 1;
        return new State(failures, state.windowStarted(), failures >= limits.lockAfter() ? state.lockedUntil() : null);
    }

    /** {@link #afterFailure} unless {@code state} is locked now, which leaves it as it is. */
    public State countAttempt(State state, Instant now) {
        return lockedFor(state, now).isPresent() ? state : afterFailure(state, now);
    }

    /** How long to hold the answer to a failed login, growing with each failure past the first few. */
    public Duration delayAfter(State state) {
        int over = state.failures() - limits.slowAfter();
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration delay = limits.delayStep().multipliedBy(over);
        return delay.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : delay;
    }
}
