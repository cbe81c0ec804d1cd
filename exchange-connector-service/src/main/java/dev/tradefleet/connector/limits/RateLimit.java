package dev.tradefleet.connector.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * One documented limit of a venue, counted in fixed windows aligned to the clock as venues count them
 * (Binance: request weight per minute per IP; orders per 10 seconds and per day per account).
 *
 * @param scope  shared by every caller of the venue, or kept per account
 * @param counts what a request spends: its weight, one per request, one per order placed, one per order placed or
 *               cancelled, or one per wallet call
 */
public record RateLimit(String name, Scope scope, Counts counts, long capacity, Duration window) {

    public enum Scope { VENUE, ACCOUNT }

    public enum Counts { WEIGHT, REQUESTS, ORDERS, ORDERS_AND_CANCELS, WALLET_CALLS }

    public RateLimit {
        Objects.requireNonNull(name, "name");
        if (capacity < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(name + ": a limit needs a positive capacity and window");
        }
    }

    /** What {@code request} spends of this limit (0: it does not count here). */
    long cost(VenueRequest request) {
        return switch (counts) {
            case WEIGHT -> request.weight();
            case REQUESTS -> 1;
            case ORDERS -> request.placesOrder() ? 1 : 0;
            case ORDERS_AND_CANCELS -> request.placesOrder() || request.priority() == Priority.CANCEL ? 1 : 0;
            case WALLET_CALLS -> request.use() == VenueRequest.Use.WALLET ? 1 : 0;
        };
    }
}
