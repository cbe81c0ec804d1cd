package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.MarketStream;
import dev.tradefleet.connector.venue.VenueAdapter;
import dev.tradefleet.connector.venue.VenueClient;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one venue of the Binance family does its own way; the family's client and market data do the rest. */
public interface Dialect extends VenueAdapter {

    @Override
    default VenueClient client(Wiring wiring, String account, String apiKey, String secret, String passphrase) {
        return new BinanceLikeClient(this, wiring.restUrl(), wiring.wsUrl(), apiKey, secret, account, wiring.limiter(), wiring.http(),
                wiring.clock(), wiring.timeout(), wiring.scheduler(), wiring.pollInterval());
    }

    @Override
    default MarketData marketData(Wiring wiring) {
        return new BinanceLikeMarketData(this, wiring.restUrl(), wiring.limiter(), wiring.http(), wiring.clock(), wiring.timeout());
    }

    /** Binance's combined market streams where the venue has them and their URL is configured. */
    @Override
    default MarketStream marketStream(Wiring wiring) {
        if (!streamsMarketsAsBinance() || wiring.marketStreamUrl() == null || wiring.scheduler() == null) {
            return MarketStream.NONE;
        }
        MarketData rest = marketData(wiring);
        return new BinanceLikeMarketStream(wiring.marketStreamUrl(), wiring.http(), wiring.scheduler(), rest::ticker);
    }

    String apiKeyHeader();

    /** The header that reports the venue-wide request weight used this minute, if the venue sends one. */
    Optional<String> usedWeightHeader();

    /** The venue's order type for {@code order}, or null when the venue has none (the caller must emulate it). */
    String orderType(PlaceOrder order);

    boolean takesTimeInForce(String orderType);

    /** Parameters every order placement adds (Binance: the full result in the answer). */
    Map<String, String> extraOrderParams();

    /** Error codes that mean "execution status unknown": ambiguous, never a rejection. */
    Set<String> statusUnknownCodes();

    /** Whether the venue has Binance's JSON market streams ({@code <symbol>@bookTicker}, {@code <symbol>@trade}). */
    default boolean streamsMarketsAsBinance() {
        return false;
    }

    /** Whether the venue streams user data over Binance's WebSocket API ({@code userDataStream.subscribe.signature}). */
    default boolean userStreamOverWebSocketApi() {
        return false;
    }

    /** Parameters of the account read beyond the signature's (Binance: leave out the assets the account has none of). */
    default Map<String, String> accountParams() {
        return Map.of();
    }

    /** The 24-hour price change in percent, from the venue's 24-hour ticker. */
    default BigDecimal priceChangePercent(JsonNode ticker) {
        return BinanceLikeMarketData.decimal(ticker, "priceChangePercent");
    }

    /** Whether a POST is signed with its parameters in the query string rather than a form body. */
    default boolean signsEverythingInTheQuery() {
        return false;
    }

    /** The request weight of {@code openOrders} for every symbol at once, or for one (Binance: 80 and 6). */
    default long openOrdersWeight(boolean everySymbol) {
        return everySymbol ? 80 : 6;
    }

    /** Whether {@code openOrders} must name a symbol (else one call lists every symbol's). */
    default boolean openOrdersNeedSymbol() {
        return false;
    }

    /**
     * Whether {@code myTrades} reads on from a trade id ({@code fromId}); else an order's trades are read back in time
     * ({@code endTime}) from its most recent.
     */
    default boolean pagesTradesById() {
        return true;
    }

    /** The most trades one {@code myTrades} answer holds. */
    default int tradesPerAnswer() {
        return 1000;
    }

    /** A symbol of {@code exchangeInfo} and the rules its orders must follow. */
    default MarketData.SymbolInfo symbol(JsonNode symbol) {
        return BinanceLikeMarketData.symbolFromFilters(symbol);
    }

    /** The venue's name of a candle interval of {@link MarketData#INTERVALS}. */
    default String interval(String interval) {
        return interval;
    }

    /** Error codes of a request whose timestamp is outside the venue's receive window (a matter of clocks). */
    default Set<String> clockRefusalCodes() {
        return Set.of("-1021");
    }

    /** The venue's wallet endpoints and their wording. */
    default WalletApi walletApi() {
        return WalletApi.BINANCE;
    }

    /** Error codes of a query for an order the venue does not have. */
    default Set<String> orderNotFoundCodes() {
        return Set.of("-2013");
    }
}
