package dev.tradefleet.connector.venue.bitget;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.VenueAdapter;
import dev.tradefleet.connector.venue.VenueClient;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Bitget v2 spot: HMAC-SHA256 in Base64 with a passphrase, JSON bodies, answers in a {@code code/msg/data} envelope.
 * Natively: post-only, market buys for a quote amount (its market buy takes nothing else) and stop-limits (its plan
 * orders); no OCO, so callers emulate it. Its preset take-profit and stop-loss are not used: the exits Bitget makes
 * of them take no client order id, so the fleet could neither place them at most once nor report them as its own.
 */
public final class BitgetAdapter implements VenueAdapter {

    public static final BitgetAdapter INSTANCE = new BitgetAdapter();
    static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.POST_ONLY, Capability.QUOTE_AMOUNT_MARKET_BUY, Capability.STOP_LIMIT));

    private BitgetAdapter() {
    }

    @Override
    public String venue() {
        return "bitget";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /**
     * Bitget limits each endpoint on its own: public ones at 20 a second per IP, account ones at 10 to 20 a second
     * per UID (placing, cancelling and fills 10). Public calls weigh 1 against the IP's count and account calls 0;
     * each account's calls together are kept to 10 a second, which no single endpoint's limit is below.
     */
    @Override
    public List<RateLimit> rateLimits() {
        return List.of(new RateLimit("PUBLIC_1S", RateLimit.Scope.VENUE, RateLimit.Counts.WEIGHT, 20, Duration.ofSeconds(1)),
                new RateLimit("ACCOUNT_1S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.REQUESTS, 10, Duration.ofSeconds(1)),
                // withdrawals 5 a second per UID, wallet reads 10: 2 wallet calls a second per account
                new RateLimit("WALLET_1S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.WALLET_CALLS, 2, Duration.ofSeconds(1)));
    }

    @Override
    public VenueClient client(Wiring wiring, String account, String apiKey, String secret, String passphrase) {
        return new BitgetClient(wiring, account, apiKey, secret, passphrase);
    }

    @Override
    public MarketData marketData(Wiring wiring) {
        return new BitgetMarketData(wiring);
    }
}
