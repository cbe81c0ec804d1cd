package dev.tradefleet.connector.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Decides which waiting calls to one venue may go now, so that no documented limit is exceeded by a single
 * request, whoever the callers are. Waiting calls are taken in {@link Priority} order (then in arrival order):
 * a call blocked by a venue-wide limit blocks everything behind it, so a cancel always overtakes queued
 * placements; a call blocked only by its own account's limit steps aside for other accounts' calls.
 *
 * <p>The buckets are Bucket4j's, refilled in windows aligned to the epoch as venues count. The venue's own
 * usage headers correct the count ({@link #observeUsage}); a 429 or 418 stops every call until the time the
 * venue gives ({@link #pauseUntil}). Not thread-safe: {@link VenueLimiter} owns one and serialises access.
 */
public final class Admission {

    /** A waiting call, with what lets {@link VenueLimiter} answer its caller. */
    public record Waiting<T>(VenueRequest request, long sequence, T ticket) {
    }

    private final List<RateLimit> limits;
    private final LongSupplier epochNanos;
    private final Map<String, Bucket> buckets = new HashMap<>();
    /** Waiting calls in the order they may go: by priority, then by arrival (sequences are unique). */
    private final TreeSet<Waiting<?>> queue = new TreeSet<>(Comparator
            .comparing((Waiting<?> w) -> w.request().priority()).thenComparingLong(Waiting::sequence));
    private long sequence;
    private long pausedUntil = Long.MIN_VALUE;
    private boolean banned;

    /** @param epochNanos the time in nanoseconds since the epoch (the system clock, or a test's) */
    public Admission(List<RateLimit> limits, LongSupplier epochNanos) {
        this.limits = List.copyOf(limits);
        this.epochNanos = epochNanos;
    }

    /** Queues a call; one that costs more than a limit ever allows is refused at once (it would wait for ever). */
    public <T> void submit(VenueRequest request, T ticket) {
        for (RateLimit limit : limits) {
            if (limit.cost(request) > limit.capacity()) {
                throw new IllegalArgumentException("a call costing " + limit.cost(request) + " can never pass " + limit.name()
                        + " (" + limit.capacity() + " per " + limit.window() + ")");
            }
        }
        queue.add(new Waiting<>(request, sequence++, ticket));
    }

    /** The calls that may go now, in the order to send them; each has spent its capacity. */
    public List<Waiting<?>> admit() {
        List<Waiting<?>> go = new ArrayList<>();
        if (epochNanos.getAsLong() < pausedUntil) {
            return go;
        }
        banned = false;
        for (Iterator<Waiting<?>> waiting = queue.iterator(); waiting.hasNext(); ) {
            Waiting<?> next = waiting.next();
            Blocked blocked = blockedBy(next.request());
            if (blocked == Blocked.VENUE) {
                break;
            }
            if (blocked == Blocked.NOTHING) {
                spend(next.request());
                waiting.remove();
                go.add(next);
            }
        }
        return go;
    }

    /**
     * How long until {@link #admit} may let something more go (0 when nothing waits), by the same rule admit
     * follows: waiting calls in order, stopping at the first one a venue-wide limit holds.
     */
    public long nanosUntilNextAdmission() {
        if (queue.isEmpty()) {
            return 0;
        }
        long now = epochNanos.getAsLong();
        if (now < pausedUntil) {
            return pausedUntil - now;
        }
        long soonest = Long.MAX_VALUE;
        for (Waiting<?> waiting : queue) {
            Blocked blocked = blockedBy(waiting.request());
            if (blocked == Blocked.NOTHING) {
                return 1;
            }
            soonest = Math.min(soonest, refillWait(waiting.request()));
            if (blocked == Blocked.VENUE) {
                break;
            }
        }
        return Math.max(1, soonest);
    }

    private long refillWait(VenueRequest request) {
        long wait = 0;
        for (RateLimit limit : limits) {
            long cost = limit.cost(request);
            if (cost > 0 && applies(limit, request)) {
                wait = Math.max(wait, bucket(limit, request).estimateAbilityToConsume(cost).getNanosToWaitForRefill());
            }
        }
        return wait;
    }

    /**
     * What the venue says was used of a venue-wide limit in the current window (Binance's
     * {@code X-MBX-USED-WEIGHT-1M}): when it counted more than we did (another process on the same address, a
     * call we did not count), the difference is spent now.
     */
    public void observeUsage(String limitName, long usedByVenue) {
        for (RateLimit limit : limits) {
            if (limit.name().equals(limitName) && limit.scope() == RateLimit.Scope.VENUE) {
                Bucket bucket = bucket(limit, null);
                long usedByUs = limit.capacity() - bucket.getAvailableTokens();
                if (usedByVenue > usedByUs) {
                    bucket.consumeIgnoringRateLimits(usedByVenue - usedByUs);
                }
            }
        }
    }

    /** After a 429 (wait as told) or a 418 (banned): nothing goes to the venue before {@code until}. */
    public void pauseUntil(Instant until, boolean ban) {
        long nanos = until.getEpochSecond() * 1_000_000_000L + until.getNano();
        pausedUntil = Math.max(pausedUntil, nanos);
        banned = banned || ban;
    }

    /** What is spent of each venue-wide limit in its current window. */
    public Map<String, Long> usedOfVenueLimits() {
        Map<String, Long> used = new java.util.TreeMap<>();
        for (RateLimit limit : limits) {
            if (limit.scope() == RateLimit.Scope.VENUE) {
                used.put(limit.name(), limit.capacity() - bucket(limit, null).getAvailableTokens());
            }
        }
        return used;
    }

    public boolean banned() {
        return banned && epochNanos.getAsLong() < pausedUntil;
    }

    public int waiting() {
        return queue.size();
    }

    private enum Blocked { NOTHING, ACCOUNT, VENUE }

    private Blocked blockedBy(VenueRequest request) {
        Blocked blocked = Blocked.NOTHING;
        for (RateLimit limit : limits) {
            long cost = limit.cost(request);
            if (cost == 0 || !applies(limit, request)) {
                continue;
            }
            if (bucket(limit, request).getAvailableTokens() < cost) {
                if (limit.scope() == RateLimit.Scope.VENUE) {
                    return Blocked.VENUE;
                }
                blocked = Blocked.ACCOUNT;
            }
        }
        return blocked;
    }

    private void spend(VenueRequest request) {
        for (RateLimit limit : limits) {
            long cost = limit.cost(request);
            if (cost > 0 && applies(limit, request)) {
                bucket(limit, request).consumeIgnoringRateLimits(cost);
            }
        }
    }

    private static boolean applies(RateLimit limit, VenueRequest request) {
        return limit.scope() == RateLimit.Scope.VENUE || request.account() != null;
    }

    private Bucket bucket(RateLimit limit, VenueRequest request) {
        String key = limit.scope() == RateLimit.Scope.VENUE ? limit.name() : limit.name() + "|" + request.account();
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillIntervallyAligned(limit.capacity(), limit.window(), nextWindowStart(limit))
                        .build())
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return epochNanos.getAsLong();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build());
    }

    /** When the next window of {@code limit} starts, windows being aligned to the epoch (the current one starts full). */
    private Instant nextWindowStart(RateLimit limit) {
        long now = epochNanos.getAsLong();
        long window = limit.window().toNanos();
        return Instant.ofEpochSecond(0, now - Math.floorMod(now, window) + window);
    }
}
