package dev.tradefleet.connector.sessions;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.threads.DaemonThreads;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.MarketStream;
import dev.tradefleet.connector.venue.VenueAdapter;
import dev.tradefleet.connector.venue.VenueClient;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.binance.BinanceDialect;
import dev.tradefleet.connector.venue.bitget.BitgetAdapter;
import dev.tradefleet.connector.venue.gateio.GateioAdapter;
import dev.tradefleet.connector.venue.mexc.MexcDialect;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;

/**
 * Makes the venue client for a credential: the venue's adapter, the base URL configured for its environment, and
 * the one limiter of that venue and environment that every account there shares.
 */
public final class VenueClients implements AutoCloseable {

    private static final Map<String, VenueAdapter> ADAPTERS = Map.of("binance", BinanceDialect.INSTANCE, "mexc", MexcDialect.INSTANCE,
            "bitget", BitgetAdapter.INSTANCE, "gateio", GateioAdapter.INSTANCE);

    private final Map<String, URI> restUrls;
    private final Map<String, URI> wsUrls;
    private final Map<String, URI> marketStreamUrls;
    private final Map<String, MarketStream> marketStreams = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> limitOverrides;
    private final ScheduledExecutorService reconnections = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("connector-stream-reconnect"));
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Map<String, VenueLimiter> limiters = new ConcurrentHashMap<>();
    private final BiConsumer<String, VenueLimiter> onNewLimiter;

    /**
     * @param restUrls       base URL by {@code venue/environment}
     * @param wsUrls         WebSocket API URL by {@code venue/environment}, for user data streams (optional)
     * @param marketStreamUrls market streams' base URL by {@code venue/environment} (optional)
     * @param limitOverrides capacities that differ from the venue's published limits, by {@code venue/environment}
     *                       and limit name
     * @param pollInterval   how often an account with orders to follow is asked for them where it has no stream
     * @param onNewLimiter   told of each limiter when it is made (by {@code venue/environment}), e.g. to measure it
     */
    public VenueClients(Map<String, URI> restUrls, Map<String, URI> wsUrls, Map<String, URI> marketStreamUrls,
                        Map<String, Map<String, Long>> limitOverrides, HttpClient http,
                        Clock clock, Duration timeout, Duration pollInterval, BiConsumer<String, VenueLimiter> onNewLimiter) {
        this.onNewLimiter = onNewLimiter;
        this.restUrls = Map.copyOf(restUrls);
        this.wsUrls = Map.copyOf(wsUrls);
        this.marketStreamUrls = Map.copyOf(marketStreamUrls);
        this.limitOverrides = Map.copyOf(limitOverrides);
        // a misspelt limit would silently keep the published one: refuse to start instead
        this.limitOverrides.forEach((where, overrides) -> {
            VenueAdapter adapter = ADAPTERS.get(where.substring(0, where.indexOf('/')));
            for (String name : overrides.keySet()) {
                if (adapter == null || adapter.rateLimits().stream().noneMatch(limit -> limit.name().equals(name))) {
                    throw new IllegalArgumentException(where + " has no limit " + name + " to change"
                            + (adapter == null ? "" : "; its limits are " + adapter.rateLimits().stream().map(RateLimit::name).toList()));
                }
            }
        });
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    public static String key(String venue, String environment) {
        return venue + "/" + environment;
    }

    public VenueClient open(KeyMaterial material) {
        String where = key(material.venue(), material.environment());
        VenueAdapter adapter = adapter(material.venue(), where);
        return adapter.client(wiring(where, adapter), material.credentialId().toString(), material.apiKey(), material.secretKey(),
                material.passphrase());
    }

    /** The public market data of a venue and environment, through the same limiter as its accounts' calls. */
    public MarketData marketData(String venue, String environment) {
        String where = key(venue, environment);
        VenueAdapter adapter = adapter(venue, where);
        return adapter.marketData(wiring(where, adapter));
    }

    /** The market stream of a venue and environment, one for all callers; {@link MarketStream#NONE} where there is none. */
    public MarketStream marketStream(String venue, String environment) {
        if (!configured(venue, environment)) {
            return MarketStream.NONE;
        }
        String where = key(venue, environment);
        return marketStreams.computeIfAbsent(where, k -> {
            VenueAdapter adapter = adapter(venue, k);
            return adapter.marketStream(wiring(k, adapter));
        });
    }

    /** Whether {@code venue/environment} has an adapter and a base URL. */
    public boolean configured(String venue, String environment) {
        return ADAPTERS.containsKey(venue) && restUrls.containsKey(key(venue, environment));
    }

    private VenueAdapter adapter(String venue, String where) {
        VenueAdapter adapter = ADAPTERS.get(venue);
        if (adapter == null || !restUrls.containsKey(where)) {
            throw new VenueRejection("venue-not-configured", "the connector has no " + where + " venue configured");
        }
        return adapter;
    }

    private VenueAdapter.Wiring wiring(String where, VenueAdapter adapter) {
        return new VenueAdapter.Wiring(restUrls.get(where), wsUrls.get(where), marketStreamUrls.get(where), limiter(where, adapter), http, clock, timeout, reconnections,
                pollInterval);
    }

    private VenueLimiter limiter(String where, VenueAdapter adapter) {
        return limiters.computeIfAbsent(where, k -> {
            Map<String, Long> overrides = limitOverrides.getOrDefault(k, Map.of());
            VenueLimiter made = new VenueLimiter(k, adapter.rateLimits().stream().map(limit -> overrides.containsKey(limit.name())
                    ? new RateLimit(limit.name(), limit.scope(), limit.counts(), overrides.get(limit.name()), limit.window())
                    : limit).toList());
            onNewLimiter.accept(k, made);
            return made;
        });
    }

    /** What each venue with an adapter can do natively, for callers that choose between native and emulated. */
    public static Map<String, Set<Capability>> capabilities() {
        Map<String, Set<Capability>> all = new TreeMap<>();
        ADAPTERS.forEach((venue, adapter) -> all.put(venue, adapter.capabilities()));
        return all;
    }

    /** The limiter of each venue and environment in use, by {@code venue/environment}. */
    public Map<String, VenueLimiter> limiters() {
        return Map.copyOf(limiters);
    }

    @Override
    public void close() {
        marketStreams.values().forEach(MarketStream::close);
        reconnections.shutdownNow();
        limiters.values().forEach(VenueLimiter::close);
    }
}
