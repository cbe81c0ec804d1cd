package dev.tradefleet.connector.venue.binance;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.binancelike.BinanceLikeClient;
import dev.tradefleet.connector.venue.binancelike.Dialect;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binance Spot v3 (and the paper exchange): every order type the fleet asks for is native. */
public final class BinanceDialect implements Dialect {

    public static final BinanceDialect INSTANCE = new BinanceDialect();

    private BinanceDialect() {
    }

    @Override
    public String venue() {
        return "binance";
    }

    @Override
    public String apiKeyHeader() {
        return BinanceSigner.API_KEY_HEADER;
    }

    @Override
    public Optional<String> usedWeightHeader() {
        return Optional.of("X-MBX-USED-WEIGHT-1M");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    /**
     * Spot's published limits: 6,000 request weight per minute per IP, 100 orders per 10 s and 200,000 per day per
     * account, 61,000 raw requests per 5 minutes.
     */
    @Override
    public List<RateLimit> rateLimits() {
        return List.of(
                new RateLimit(BinanceLikeClient.WEIGHT_LIMIT, RateLimit.Scope.VENUE, RateLimit.Counts.WEIGHT, 6000, Duration.ofMinutes(1)),
                new RateLimit("RAW_REQUESTS", RateLimit.Scope.VENUE, RateLimit.Counts.REQUESTS, 61_000, Duration.ofMinutes(5)),
                new RateLimit("ORDERS_10S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.ORDERS, 100, Duration.ofSeconds(10)),
                new RateLimit("ORDERS_1D", RateLimit.Scope.ACCOUNT, RateLimit.Counts.ORDERS, 200_000, Duration.ofDays(1)),
                // SAPI wallet limits are per UID and endpoint (withdraw/history 10 a second; withdraw/apply 200 a minute)
                new RateLimit("WALLET_1S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.WALLET_CALLS, 2, Duration.ofSeconds(1)));
    }

    @Override
    public String orderType(PlaceOrder order) {
        return switch (order.kind()) {
            case LIMIT -> "LIMIT";
            case LIMIT_MAKER -> "LIMIT_MAKER";
            case MARKET -> "MARKET";
            case STOP_LIMIT -> "STOP_LOSS_LIMIT";
        };
    }

    @Override
    public boolean takesTimeInForce(String orderType) {
        return orderType.equals("LIMIT") || orderType.equals("STOP_LOSS_LIMIT");
    }

    @Override
    public Map<String, String> extraOrderParams() {
        return Map.of("newOrderRespType", "RESULT");
    }

    @Override
    public Map<String, String> accountParams() {
        return Map.of("omitZeroBalances", "true");
    }

    @Override
    public boolean streamsMarketsAsBinance() {
        return true;
    }

    @Override
    public boolean userStreamOverWebSocketApi() {
        return true;
    }

    @Override
    public Set<String> statusUnknownCodes() {
        return Set.of("-1006", "-1007");
    }
}
