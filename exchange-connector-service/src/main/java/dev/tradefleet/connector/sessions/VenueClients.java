package dev.tradefleet.connector.sessions;

import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.VenueClient;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.binance.BinanceDialect;
import dev.tradefleet.connector.venue.binancelike.BinanceLikeClient;
import dev.tradefleet.connector.venue.binancelike.Dialect;
import dev.tradefleet.connector.venue.mexc.MexcDialect;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Makes the venue client for a credential: the venue's adapter, the base URL configured for its environment, and
 * the one limiter of that venue and environment that every account there shares.
 */
public final class VenueClients implements AutoCloseable {

    private static final Map<String, Dialect> BINANCE_FAMILY = Map.of("binance", BinanceDialect.INSTANCE, "mexc", MexcDialect.INSTANCE);

    private final Map<String, URI> restUrls;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, VenueLimiter> limiters = new ConcurrentHashMap<>();
    private final BiConsumer<String, VenueLimiter> onNewLimiter;

    /**
     * @param restUrls     base URL by {@code venue/environment}
     * @param onNewLimiter told of each limiter when it is made (by {@code venue/environment}), e.g. to measure it
     */
    public VenueClients(Map<String, URI> restUrls, HttpClient http, Clock clock, Duration timeout,
                        BiConsumer<String, VenueLimiter> onNewLimiter) {
        this.onNewLimiter = onNewLimiter;
        this.restUrls = Map.copyOf(restUrls);
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    public static String key(String venue, String environment) {
        return venue + "/" + environment;
    }

    public VenueClient open(KeyMaterial material) {
        String where = key(material.venue(), material.environment());
        Dialect dialect = BINANCE_FAMILY.get(material.venue());
        URI restUrl = restUrls.get(where);
        if (dialect == null || restUrl == null) {
            throw new VenueRejection("venue-not-configured", "the connector has no " + where + " venue configured");
        }
        VenueLimiter limiter = limiters.computeIfAbsent(where, k -> {
            VenueLimiter made = new VenueLimiter(k, dialect.rateLimits());
            onNewLimiter.accept(k, made);
            return made;
        });
        return new BinanceLikeClient(dialect, restUrl, material.apiKey(), material.secretKey(), material.credentialId().toString(),
                limiter, http, clock, timeout);
    }

    /** What each venue with an adapter can do natively, for callers that choose between native and emulated. */
    public static Map<String, Set<Capability>> capabilities() {
        Map<String, Set<Capability>> all = new TreeMap<>();
        BINANCE_FAMILY.forEach((venue, dialect) -> all.put(venue, dialect.capabilities()));
        return all;
    }

    /** The limiter of each venue and environment in use, by {@code venue/environment}. */
    public Map<String, VenueLimiter> limiters() {
        return Map.copyOf(limiters);
    }

    @Override
    public void close() {
        limiters.values().forEach(VenueLimiter::close);
    }
}
