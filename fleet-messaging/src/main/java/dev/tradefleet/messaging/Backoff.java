package dev.tradefleet.messaging;

import java.time.Duration;

/** Exponential backoff: the minimum after the first failure, doubling with each one after, capped. */
public record Backoff(Duration min, Duration max) {

    public Duration after(int failures) {
        long millis = min.toMillis() << Math.min(Math.max(failures, 1) - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
