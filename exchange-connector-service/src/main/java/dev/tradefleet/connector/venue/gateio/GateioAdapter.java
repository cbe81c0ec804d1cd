package dev.tradefleet.connector.venue.gateio;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.VenueAdapter;
import dev.tradefleet.connector.venue.VenueClient;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gate.io v4 spot: HMAC-SHA512 in hex over method, path, query, the body's SHA-512 and the time in seconds; JSON
 * bodies; pairs named {@code BASE_QUOTE}. Natively: post-only ({@code poc}) and market buys for a quote amount (its
 * market buy takes nothing else); no OCO, and stop orders (its price-triggered orders) are not used yet.
 */
public final class GateioAdapter implements VenueAdapter {

    public static final GateioAdapter INSTANCE = new GateioAdapter();
    static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.POST_ONLY, Capability.QUOTE_AMOUNT_MARKET_BUY));

    /**
     * One directory of pairs per limiter, that is per environment of a {@code VenueClients} (a handful in a process),
     * shared by its accounts and its market data and calling through that limiter only.
     */
    private final Map<VenueLimiter, GateioPairs> pairs = new ConcurrentHashMap<>();

    private GateioAdapter() {
    }

    @Override
    public String venue() {
        return "gateio";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /**
     * Gate.io's public endpoints take 200 requests per 10 s each per IP, placements 10 a second per account and pair,
     * its other account endpoints 200 per 10 s each. Public calls weigh 1 against the IP's count and account calls 0;
     * each account places at most 10 orders a second whatever the pair, and makes at most 200 calls per 10 s in all.
     */
    @Override
    public List<RateLimit> rateLimits() {
        return List.of(new RateLimit("PUBLIC_10S", RateLimit.Scope.VENUE, RateLimit.Counts.WEIGHT, 200, Duration.ofSeconds(10)),
                new RateLimit("ORDERS_1S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.ORDERS, 10, Duration.ofSeconds(1)),
                new RateLimit("ACCOUNT_10S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.REQUESTS, 200, Duration.ofSeconds(10)),
                // a withdrawal is one per 3 s per account; every wallet call is kept to that
                new RateLimit("WALLET_3S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.WALLET_CALLS, 1, Duration.ofSeconds(3)));
    }

    @Override
    public VenueClient client(Wiring wiring, String account, String apiKey, String secret, String passphrase) {
        return new GateioClient(wiring, pairs(wiring), account, apiKey, secret);
    }

    @Override
    public MarketData marketData(Wiring wiring) {
        return new GateioMarketData(new GateioHttp(wiring), pairs(wiring));
    }

    private GateioPairs pairs(Wiring wiring) {
        return pairs.computeIfAbsent(wiring.limiter(), limiter -> new GateioPairs(new GateioHttp(wiring)));
    }
}
