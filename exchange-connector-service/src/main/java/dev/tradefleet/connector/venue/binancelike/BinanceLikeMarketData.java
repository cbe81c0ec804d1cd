package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.http.JsonFields;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Public market data of a Binance-family venue ({@code /api/v3/exchangeInfo}, {@code ticker/24hr}, {@code depth}, {@code klines}). */
public final class BinanceLikeMarketData implements MarketData {

    private final Dialect dialect;
    private final BinanceLikeHttp http;

    public BinanceLikeMarketData(Dialect dialect, URI baseUrl, VenueLimiter limiter, HttpClient client, Clock clock, Duration timeout) {
        this.dialect = dialect;
        this.http = new BinanceLikeHttp(dialect, baseUrl, limiter, client, clock, timeout);
    }

    @Override
    public CompletionStage<List<SymbolInfo>> symbols() {
        return get("/api/v3/exchangeInfo", "", 20).thenApply(json -> {
            List<SymbolInfo> symbols = new ArrayList<>();
            json.path("symbols").forEach(symbol -> symbols.add(dialect.symbol(symbol)));
            return symbols;
        });
    }

    /** A symbol as Binance describes it: its rules in {@code PRICE_FILTER}, {@code LOT_SIZE} and {@code NOTIONAL} filters. */
    static SymbolInfo symbolFromFilters(JsonNode s) {
        JsonNode price = filter(s, "PRICE_FILTER");
        JsonNode lot = filter(s, "LOT_SIZE");
        JsonNode notional = filter(s, "NOTIONAL").isMissingNode() ? filter(s, "MIN_NOTIONAL") : filter(s, "NOTIONAL");
        return new SymbolInfo(s.path("symbol").asText(), s.path("baseAsset").asText(), s.path("quoteAsset").asText(),
                s.path("status").asText(), decimal(price, "tickSize"), decimal(price, "minPrice"), decimal(price, "maxPrice"),
                decimal(lot, "stepSize"), decimal(lot, "minQty"), decimal(lot, "maxQty"), decimal(notional, "minNotional"));
    }

    @Override
    public CompletionStage<Ticker> ticker(String symbol) {
        return get("/api/v3/ticker/24hr", "symbol=" + encode(symbol), 2).thenApply(t -> new Ticker(t.path("symbol").asText(),
                decimal(t, "lastPrice"), decimal(t, "bidPrice"), decimal(t, "askPrice"), decimal(t, "openPrice"), decimal(t, "highPrice"),
                decimal(t, "lowPrice"), decimal(t, "volume"), decimal(t, "quoteVolume"), dialect.priceChangePercent(t)));
    }

    @Override
    public CompletionStage<OrderBook> book(String symbol, int depth) {
        return get("/api/v3/depth", "symbol=" + encode(symbol) + "&limit=" + depth, depth <= 100 ? 5 : 25)
                .thenApply(json -> new OrderBook(symbol, levels(json.path("bids")), levels(json.path("asks"))));
    }

    @Override
    public CompletionStage<List<Candle>> candles(String symbol, String interval, int limit) {
        return get("/api/v3/klines", "symbol=" + encode(symbol) + "&interval=" + encode(dialect.interval(interval)) + "&limit=" + limit, 2)
                .thenApply(json -> {
                    List<Candle> candles = new ArrayList<>();
                    for (JsonNode k : json) {
                        candles.add(new Candle(Instant.ofEpochMilli(k.get(0).asLong()), new BigDecimal(k.get(1).asText()),
                                new BigDecimal(k.get(2).asText()), new BigDecimal(k.get(3).asText()), new BigDecimal(k.get(4).asText()),
                                new BigDecimal(k.get(5).asText()), Instant.ofEpochMilli(k.get(6).asLong()), new BigDecimal(k.get(7).asText())));
                    }
                    return candles;
                });
    }

    private CompletionStage<JsonNode> get(String path, String query, long weight) {
        return http.call("GET", path, query, VenueRequest.marketData(weight));
    }

    private static JsonNode filter(JsonNode symbol, String type) {
        for (JsonNode filter : symbol.path("filters")) {
            if (type.equals(filter.path("filterType").asText())) {
                return filter;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<Level> levels(JsonNode side) {
        List<Level> levels = new ArrayList<>();
        side.forEach(level -> levels.add(new Level(new BigDecimal(level.get(0).asText()), new BigDecimal(level.get(1).asText()))));
        return levels;
    }

    /** A decimal field; null when absent, null or empty (MEXC sends {@code "bidQty": ""} and {@code "quoteVolume": null}). */
    public static BigDecimal decimal(JsonNode node, String field) {
        return JsonFields.decimalOrNull(node, field);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
