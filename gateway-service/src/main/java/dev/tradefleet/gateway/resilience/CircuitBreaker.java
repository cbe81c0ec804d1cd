package dev.tradefleet.gateway.resilience;

import java.time.Duration;

/**
 * Stops sending requests to an upstream that keeps failing. After {@code failureThreshold} failures in a
 * row the circuit opens and requests are refused at once for {@code openDuration}; then one trial request
 * is let through (half-open): success closes the circuit, failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openDuration) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
    }

    /** Whether a request may go to the upstream now; when true, report its outcome with one of the on* methods. */
    public synchronized boolean tryPass(long nowNanos) {
        if (state == State.OPEN && nowNanos - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure(long nowNanos) {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nowNanos;
            trialInFlight = false;
        }
    }

    /** How long an open circuit stays open from now. */
    public synchronized Duration remainingOpen(long nowNanos) {
        return state == State.OPEN ? Duration.ofNanos(Math.max(0, openNanos - (nowNanos - openedAt))) : Duration.ZERO;
    }

    public synchronized State state() {
        return state;
    }
}
