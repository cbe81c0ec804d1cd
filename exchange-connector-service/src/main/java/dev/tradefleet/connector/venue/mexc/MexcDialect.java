package dev.tradefleet.connector.venue.mexc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.VenueWallet;
import dev.tradefleet.connector.venue.binancelike.BinanceLikeMarketData;
import dev.tradefleet.connector.venue.binancelike.Dialect;
import dev.tradefleet.connector.venue.binancelike.WalletApi;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MEXC Spot v3: Binance's scheme with its own key header and no usage header; no stop orders and no OCO (callers
 * emulate them); IOC and FOK are order types rather than a time in force; open orders asked for symbol by symbol,
 * at most 100 trades an answer; symbols described by precisions and minimums rather than filters; {@code 60m}
 * candles; the day's change as a fraction. Its user stream (protobuf over a listen key) is not used: accounts are
 * followed by asking.
 */
public final class MexcDialect implements Dialect {

    public static final MexcDialect INSTANCE = new MexcDialect();

    private static final WalletApi WALLET = new WalletApi("/api/v3/capital", "/withdraw", "netWork", "memo", Duration.ofDays(7).minusMinutes(1),
            status -> switch (status) {
                case 5, 12 -> VenueWallet.TransferStatus.COMPLETED;
                case 1, 7, 8, 10, 11 -> VenueWallet.TransferStatus.FAILED;
                default -> VenueWallet.TransferStatus.PENDING;
            },
            status -> switch (status) {
                case 7 -> VenueWallet.TransferStatus.COMPLETED;
                case 8 -> VenueWallet.TransferStatus.FAILED;
                case 9 -> VenueWallet.TransferStatus.CANCELLED;
                default -> VenueWallet.TransferStatus.PENDING;
            });

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
        return EnumSet.of(Capability.POST_ONLY, Capability.QUOTE_AMOUNT_MARKET_BUY, Capability.BASE_QUANTITY_MARKET_BUY);
    }

    /**
     * MEXC counts 500 requests per 10 s per endpoint and sends no usage header; one shared count of that size is
     * the safe reading (it never exceeds any single endpoint's limit). Placing and cancelling share 12 a second per
     * account.
     */
    @Override
    public List<RateLimit> rateLimits() {
        return List.of(new RateLimit("REQUESTS_10S", RateLimit.Scope.VENUE, RateLimit.Counts.REQUESTS, 500, Duration.ofSeconds(10)),
                new RateLimit("ORDERS_1S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.ORDERS_AND_CANCELS, 12, Duration.ofSeconds(1)),
                // its wallet endpoints weigh up to 10 of the 500: at most 2 a second per account keeps them well inside
                new RateLimit("WALLET_1S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.WALLET_CALLS, 2, Duration.ofSeconds(1)));
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

    /**
     * MEXC documents a POST's parameters in the query string or a JSON body, not a form body; its own clients send
     * everything in the query.
     */
    @Override
    public boolean signsEverythingInTheQuery() {
        return true;
    }

    @Override
    public Set<String> clockRefusalCodes() {
        return Set.of("700003");
    }

    @Override
    public boolean openOrdersNeedSymbol() {
        return true;
    }

    /** MEXC weighs {@code openOrders} of one symbol 3. */
    @Override
    public long openOrdersWeight(boolean everySymbol) {
        return 3;
    }

    @Override
    public int tradesPerAnswer() {
        return 100;
    }

    @Override
    public boolean pagesTradesById() {
        return false;
    }

    /**
     * {@code quotePrecision} and {@code baseAssetPrecision} are decimal places of price and quantity;
     * {@code baseSizePrecision} is the smallest quantity and {@code quoteAmountPrecision} the smallest order amount.
     * Status {@code 1} (or the older {@code ENABLED}) is trading.
     */
    @Override
    public MarketData.SymbolInfo symbol(JsonNode s) {
        String status = switch (s.path("status").asText()) {
            case "1", "ENABLED" -> "TRADING";
            case "2" -> "HALT";
            default -> "BREAK";
        };
        return new MarketData.SymbolInfo(s.path("symbol").asText(), s.path("baseAsset").asText(), s.path("quoteAsset").asText(), status,
                BigDecimal.ONE.movePointLeft(s.path("quotePrecision").asInt()), null, null,
                BigDecimal.ONE.movePointLeft(s.path("baseAssetPrecision").asInt()), BinanceLikeMarketData.decimal(s, "baseSizePrecision"), null,
                BinanceLikeMarketData.decimal(s, "quoteAmountPrecision"));
    }

    /**
     * MEXC's {@code capital} endpoints under {@code /api/v3}: a withdrawal names its network {@code netWork} and its
     * memo {@code memo}; histories reach 7 days back. Deposits 5 SUCCESS and 12 COMPLETED are done, 1 SMALL,
     * 7 REJECTED, 8 REFUND, 10 INVALID and 11 RESTRICTED failed, the rest pending; withdrawals 7 SUCCESS done,
     * 8 FAILED failed, 9 CANCEL cancelled, the rest pending.
     */
    @Override
    public WalletApi walletApi() {
        return WALLET;
    }

    @Override
    public String interval(String interval) {
        return interval.equals("1h") ? "60m" : interval;
    }

    /** MEXC states the change as a fraction: 0.004 is 0.4 %. */
    @Override
    public BigDecimal priceChangePercent(JsonNode ticker) {
        BigDecimal fraction = BinanceLikeMarketData.decimal(ticker, "priceChangePercent");
        return fraction == null ? null : fraction.movePointRight(2);
    }
}
