package dev.tradefleet.gateway.resilience;

import java.time.Duration;

/**
 * Stops sending requests to an upstream that is failing, judged by its failure rate: the circuit opens when,
 * over the last {@code window}, at least {@code minimumRequests} requests went out and at least
 * {@code failureRate} of them failed. A handful of failures (say, a few bad requests from one client) never
 * opens it, however they are spaced. Open, it refuses at once for {@code openDuration}; then one trial
 * request goes through (half-open): success closes the circuit with a clean window, failure opens it again.
 *
 * <p>The window is ten buckets of a tenth of it each, so old outcomes age out in steps of a tenth.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final int BUCKETS = 10;

    private final int minimumRequests;
    private final double failureRate;
    private final long bucketNanos;
    private final long openNanos;
    private final long[] bucketEpoch = new long[BUCKETS];
    private final int[] requests = new int[BUCKETS];
    private final int[] failures = new int[BUCKETS];
    private State state = State.CLOSED;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int minimumRequests, double failureRate, Duration window, Duration openDuration) {
        if (minimumRequests < 1 || failureRate <= 0 || failureRate > 1 || window.toNanos() < BUCKETS) {
            throw new IllegalArgumentException("a breaker needs minimumRequests >= 1, 0 < failureRate <= 1 and a window");
        }
        this.minimumRequests = minimumRequests;
        this.failureRate = failureRate;
        this.bucketNanos = window.toNanos() / BUCKETS;
        this.openNanos = openDuration.toNanos();
        java.util.Arrays.fill(bucketEpoch, Long.MIN_VALUE);
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

    public synchronized void onSuccess(long nowNanos) {
        if (state == State.HALF_OPEN) {
            state = State.CLOSED;
            trialInFlight = false;
            clearWindow();
            return;
        }
        record(nowNanos, false);
    }

    public synchronized void onFailure(long nowNanos) {
        if (state == State.HALF_OPEN) {
            open(nowNanos);
            return;
        }
        record(nowNanos, true);
        if (state == State.CLOSED && tripped(nowNanos)) {
            open(nowNanos);
        }
    }

    private void record(long nowNanos, boolean failed) {
        long epoch = Math.floorDiv(nowNanos, bucketNanos);
        int slot = (int) Math.floorMod(epoch, (long) BUCKETS);
        if (bucketEpoch[slot] != epoch) {
            bucketEpoch[slot] = epoch;
            requests[slot] = 0;
            failures[slot] = 0;
        }
        requests[slot]++;
        if (failed) {
            failures[slot]++;
        }
    }

    private boolean tripped(long nowNanos) {
        long current = Math.floorDiv(nowNanos, bucketNanos);
        int total = 0;
        int failed = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketEpoch[i] != Long.MIN_VALUE && current - bucketEpoch[i] < BUCKETS) {
                total += requests[i];
                failed += failures[i];
            }
        }
        return total >= minimumRequests && failed >= failureRate * total;
    }

    private void open(long nowNanos) {
        state = State.OPEN;
        openedAt = nowNanos;
        trialInFlight = false;
        clearWindow();
    }

    private void clearWindow() {
        java.util.Arrays.fill(bucketEpoch, Long.MIN_VALUE);
        java.util.Arrays.fill(requests, 0);
        java.util.Arrays.fill(failures, 0);
    }

    /** How long an open circuit stays open from now. */
    public synchronized Duration remainingOpen(long nowNanos) {
        return state == State.OPEN ? Duration.ofNanos(Math.max(0, openNanos - (nowNanos - openedAt))) : Duration.ZERO;
    }

    public synchronized State state() {
        return state;
    }
}
