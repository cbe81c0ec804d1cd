package dev.tradefleet.connector.limits;

import dev.tradefleet.connector.threads.DaemonThreads;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one limiter of a venue, shared by every caller: {@link #acquire} completes when the call may be sent.
 * One thread of its own owns the {@link Admission} and wakes up when the next capacity comes; callers never
 * block a thread while they wait. What it has done is readable at any time without asking that thread
 * ({@link #usage}), for metrics and health.
 */
public final class VenueLimiter implements AutoCloseable {

    /** The limiter's figures: used of each venue-wide limit, calls let go, calls that had to wait, the venue's 429s and 418s. */
    public record Usage(Map<String, Long> usedOfLimits, long admitted, long waited, long rateLimited, long bans, int waiting,
                        Instant bannedUntil) {

        public boolean banned() {
            return bannedUntil != null && Instant.now().isBefore(bannedUntil);
        }
    }

    private final List<RateLimit> limits;
    private final Admission admission;
    private final ScheduledExecutorService owner;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong waited = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong bans = new AtomicLong();
    private volatile Map<String, Long> usedOfLimits = Map.of();
    private volatile int waiting;
    private volatile Instant bannedUntil;
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt;

    public VenueLimiter(String venue, List<RateLimit> limits) {
        this.limits = List.copyOf(limits);
        this.admission = new Admission(limits, () -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
        this.owner = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("limiter-" + venue));
    }

    /** The documented limits this limiter keeps. */
    public List<RateLimit> limits() {
        return limits;
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
            if (!permit.isDone()) {
                waited.incrementAndGet();
            }
        });
        return permit;
    }

    /** The venue's usage header for a venue-wide limit, e.g. Binance's {@code X-MBX-USED-WEIGHT-1M}. */
    public void observeUsage(String limitName, long usedByVenue) {
        owner.execute(() -> {
            admission.observeUsage(limitName, usedByVenue);
            usedOfLimits = admission.usedOfVenueLimits();
        });
    }

    /** A 429 (wait as told) or a 418 (banned until): no call goes before then. */
    public void pauseUntil(Instant until, boolean banned) {
        (banned ? bans : rateLimited).incrementAndGet();
        if (banned) {
            bannedUntil = until;
        }
        owner.execute(() -> {
            admission.pauseUntil(until, banned);
            admitWhatMayGo();
        });
    }

    public boolean banned() {
        return usage().banned();
    }

    public int waiting() {
        return waiting;
    }

    public Usage usage() {
        return new Usage(usedOfLimits, admitted.get(), waited.get(), rateLimited.get(), bans.get(), waiting, bannedUntil);
    }

    /** Lets go what may go, then sleeps until the next admission, moving an earlier-set wake-up forward if needed. */
    private void admitWhatMayGo() {
        List<Admission.Waiting<?>> going = admission.admit();
        admitted.addAndGet(going.size());
        waiting = admission.waiting();
        usedOfLimits = admission.usedOfVenueLimits();
        for (Admission.Waiting<?> call : going) {
            ((CompletableFuture<?>) call.ticket()).complete(null);
        }
        if (waiting == 0) {
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
