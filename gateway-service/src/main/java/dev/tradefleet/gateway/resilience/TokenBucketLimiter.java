package dev.tradefleet.gateway.resilience;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key (a user id, a client address): {@code capacity} requests at once, refilled at
 * {@code perSecond}. Idle buckets are dropped once the map grows, so memory stays bounded.
 */
public final class TokenBucketLimiter {

    /** Allowed, or refused with how long until a token is there again. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOW = new Decision(true, Duration.ZERO);
    }

    private static final int MAX_KEYS = 100_000;

    private final double capacity;
    private final double perNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public TokenBucketLimiter(int capacity, double perSecond) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("capacity and rate must be positive");
        }
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
    }

    public Decision tryAcquire(String key, long nowNanos) {
        if (buckets.size() > MAX_KEYS) {
            evictFull(nowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (nowNanos - bucket.updated) * perNano);
            bucket.updated = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.ALLOW;
            }
            long waitNanos = (long) Math.ceil((1 - bucket.tokens) / perNano);
            return new Decision(false, Duration.ofNanos(waitNanos));
        }
    }

    /** A full bucket holds no information: forgetting it changes nothing. */
    private void evictFull(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                return b.tokens + (nowNanos - b.updated) * perNano >= capacity;
            }
        });
    }
}
