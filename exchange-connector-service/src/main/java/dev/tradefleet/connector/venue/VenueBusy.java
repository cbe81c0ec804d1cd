package dev.tradefleet.connector.venue;

import java.time.Duration;

/**
 * The venue turned the request away before doing anything (429 rate limit, 418 ban): definitely not executed,
 * to be tried again after {@code retryAfter}. The limiter already holds every other call until then.
 */
public class VenueBusy extends RuntimeException {

    private final Duration retryAfter;

    public VenueBusy(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
