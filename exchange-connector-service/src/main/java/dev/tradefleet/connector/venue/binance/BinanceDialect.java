package dev.tradefleet.connector.venue.binance;

import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.binancelike.Dialect;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.util.EnumSet;
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
    public Set<String> statusUnknownCodes() {
        return Set.of("-1006", "-1007");
    }
}
