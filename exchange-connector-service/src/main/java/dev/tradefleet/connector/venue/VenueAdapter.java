package dev.tradefleet.connector.venue;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.limits.VenueLimiter;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/** One venue's adapter: what it can do natively, its documented limits, and its clients for accounts and market data. */
public interface VenueAdapter {

    /**
     * What the clients of one venue and environment share.
     *
     * @param wsUrl        the venue's user data stream there, or null (accounts are then followed by asking)
     * @param marketStreamUrl the venue's market streams there, or null (tickers are then asked for)
     * @param scheduler    for stream reconnections and polls
     * @param pollInterval how often an account with orders to follow is asked for them where it has no stream
     */
    record Wiring(URI restUrl, URI wsUrl, URI marketStreamUrl, VenueLimiter limiter, HttpClient http, Clock clock, Duration timeout,
                  ScheduledExecutorService scheduler, Duration pollInterval) {
    }

    String venue();

    Set<Capability> capabilities();

    /** The venue's documented limits, as the one limiter of each of its environments counts them. */
    List<RateLimit> rateLimits();

    /**
     * A client of one account ({@code account}: the credential, as the limiter counts per-account limits);
     * {@code passphrase} only for venues whose keys have one.
     */
    VenueClient client(Wiring wiring, String account, String apiKey, String secret, String passphrase);

    MarketData marketData(Wiring wiring);

    /** The venue's stream of book tops and trades, shared by every caller of one venue and environment. */
    default MarketStream marketStream(Wiring wiring) {
        return MarketStream.NONE;
    }
}
