package dev.tradefleet.connector.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Answers kept for a while and shared: every caller asking for one key while it is being loaded gets the same
 * load (a thousand browsers asking for one chart cost the venue one call), and callers within the time to live
 * get the loaded answer. A failed load is kept for nobody. With {@code staleFor}, an expired answer is still
 * given while its reload fails, for at most that long: a venue that stops answering does not blank every screen.
 * Every so many calls, answers past both are forgotten, so the cache holds what was asked for lately rather than
 * everything ever asked for (every symbol's every chart).
 */
public final class CoalescingCache<K, V> {

    /** How often (in calls) the answers that can serve nobody are swept out. */
    static final int SWEEP_EVERY = 1024;

    private record Entry<V>(CompletableFuture<V> value, Instant expires, V lastGood, Instant lastGoodUntil) {
    }

    private final Function<K, CompletableFuture<V>> load;
    private final Duration ttl;
    private final Duration staleFor;
    private final Clock clock;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public CoalescingCache(Function<K, CompletableFuture<V>> load, Duration ttl, Duration staleFor, Clock clock) {
        this.load = load;
        this.ttl = ttl;
        this.staleFor = staleFor;
        this.clock = clock;
    }

    public CompletableFuture<V> get(K key) {
        Instant now = clock.instant();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        Entry<V> entry = entries.compute(key, (k, held) -> {
            if (held != null && !held.value().isCompletedExceptionally()
                    && (now.isBefore(held.expires()) || !held.value().isDone())) {
                return held;
            }
            V lastGood = held == null ? null : held.value().isDone() && !held.value().isCompletedExceptionally()
                    ? held.value().join() : held.lastGood();
            Instant lastGoodUntil = held == null ? null : held.value().isDone() && !held.value().isCompletedExceptionally()
                    ? held.expires().plus(staleFor) : held.lastGoodUntil();
            return new Entry<>(load.apply(k), now.plus(ttl), lastGood, lastGoodUntil);
        });
        if (entry.lastGood() == null) {
            return entry.value();
        }
        return entry.value().exceptionallyCompose(failure -> clock.instant().isBefore(entry.lastGoodUntil())
                ? CompletableFuture.completedFuture(entry.lastGood()) : CompletableFuture.failedFuture(failure));
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    /** Forgets the answers that can serve nobody any more: loaded, and past their time to live and stale allowance. */
    private void sweep(Instant now) {
        entries.values().removeIf(entry -> entry.value().isDone() && now.isAfter(entry.expires().plus(staleFor)));
    }

    /** How many answers are held (for tests). */
    int size() {
        return entries.size();
    }
}
