package dev.tradefleet.connector.venue.mexc;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.binancelike.Dialect;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MEXC Spot v3: Binance's scheme with its own key header and no usage header; no stop orders and no OCO (callers
 * emulate them); IOC and FOK are order types rather than a time in force.
 */
public final class MexcDialect implements Dialect {

    public static final MexcDialect INSTANCE = new MexcDialect();

    private MexcDialect() {
    }

    @Override
    public String venue() {
        return "mexc";
    }

    @Override
    public String apiKeyHeader() {
        return MexcSigner.API_KEY_HEADER;
    }

    @Override
    public Optional<String> usedWeightHeader() {
        return Optional.empty();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.POST_ONLY, Capability.QUOTE_AMOUNT_MARKET_BUY);
    }

    /**
     * MEXC counts 500 requests per 10 s per endpoint and sends no usage header; one shared count of that size is
     * the safe reading (it never exceeds any single endpoint's limit).
     */
    @Override
    public List<RateLimit> rateLimits() {
        return List.of(new RateLimit("REQUESTS_10S", RateLimit.Scope.VENUE, RateLimit.Counts.REQUESTS, 500, Duration.ofSeconds(10)));
    }

    @Override
    public String orderType(PlaceOrder order) {
        return switch (order.kind()) {
            case LIMIT -> switch (order.timeInForce()) {
                case GTC -> "LIMIT";
                case IOC -> "IMMEDIATE_OR_CANCEL";
                case FOK -> "FILL_OR_KILL";
            };
            case LIMIT_MAKER -> "LIMIT_MAKER";
            case MARKET -> "MARKET";
            case STOP_LIMIT -> null;
        };
    }

    @Override
    public boolean takesTimeInForce(String orderType) {
        return false;
    }

    @Override
    public Map<String, String> extraOrderParams() {
        return Map.of();
    }

    @Override
    public Set<String> statusUnknownCodes() {
        return Set.of();
    }
}
