package dev.tradefleet.connector.limits;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one limiter of a venue, shared by every caller: {@link #acquire} completes when the call may be sent.
 * One thread of its own owns the {@link Admission} and wakes up when the next capacity comes; callers never
 * block a thread while they wait.
 */
public final class VenueLimiter implements AutoCloseable {

    private final Admission admission;
    private final ScheduledExecutorService owner;
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt;

    public VenueLimiter(String venue, List<RateLimit> limits) {
        this.admission = new Admission(limits, () -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
        this.owner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "limiter-" + venue);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Completes when {@code request} may be sent; its capacity is spent by then. */
    public CompletableFuture<Void> acquire(VenueRequest request) {
        CompletableFuture<Void> permit = new CompletableFuture<>();
        owner.execute(() -> {
            try {
                admission.submit(request, permit);
            } catch (IllegalArgumentException impossible) {
                permit.completeExceptionally(impossible);
                return;
            }
            admitWhatMayGo();
        });
        return permit;
    }

    /** The venue's usage header for a venue-wide limit, e.g. Binance's {@code X-MBX-USED-WEIGHT-1M}. */
    public void observeUsage(String limitName, long usedByVenue) {
        owner.execute(() -> admission.observeUsage(limitName, usedByVenue));
    }

    /** A 429 (wait as told) or a 418 (banned until): no call goes before then. */
    public void pauseUntil(Instant until, boolean banned) {
        owner.execute(() -> {
            admission.pauseUntil(until, banned);
            admitWhatMayGo();
        });
    }

    public boolean banned() {
        return call(admission::banned);
    }

    public int waiting() {
        return call(admission::waiting);
    }

    private <T> T call(java.util.concurrent.Callable<T> read) {
        try {
            return owner.submit(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the limiter did not answer", e);
        }
    }

    /** Lets go what may go, then sleeps until the next admission, moving an earlier-set wake-up forward if needed. */
    private void admitWhatMayGo() {
        for (Admission.Waiting<?> going : admission.admit()) {
            ((CompletableFuture<?>) going.ticket()).complete(null);
        }
        if (admission.waiting() == 0) {
            return;
        }
        long delay = admission.nanosUntilNextAdmission();
        long at = System.nanoTime() + delay;
        if (wakeUp != null && wakeUpAt <= at) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUpAt = at;
        wakeUp = owner.schedule(() -> {
            wakeUp = null;
            admitWhatMayGo();
        }, delay, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        owner.shutdownNow();
    }
}
