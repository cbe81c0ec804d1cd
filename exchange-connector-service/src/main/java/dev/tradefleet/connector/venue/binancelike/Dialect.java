package dev.tradefleet.connector.venue.binancelike;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one venue of the Binance family does its own way. */
public interface Dialect {

    String venue();

    String apiKeyHeader();

    /** The header that reports the venue-wide request weight used this minute, if the venue sends one. */
    Optional<String> usedWeightHeader();

    Set<Capability> capabilities();

    /** The venue's documented limits, as the one limiter of each of its environments counts them. */
    List<RateLimit> rateLimits();

    /** The venue's order type for {@code order}, or null when the venue has none (the caller must emulate it). */
    String orderType(PlaceOrder order);

    boolean takesTimeInForce(String orderType);

    /** Parameters every order placement adds (Binance: the full result in the answer). */
    Map<String, String> extraOrderParams();

    /** Error codes that mean "execution status unknown": ambiguous, never a rejection. */
    Set<String> statusUnknownCodes();

    /** Whether the venue streams user data over Binance's WebSocket API ({@code userDataStream.subscribe.signature}). */
    default boolean userStreamOverWebSocketApi() {
        return false;
    }

    /** Error codes of a query for an order the venue does not have. */
    default Set<String> orderNotFoundCodes() {
        return Set.of("-2013");
    }
}
