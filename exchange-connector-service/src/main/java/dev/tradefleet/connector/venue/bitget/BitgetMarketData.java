package dev.tradefleet.connector.venue.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.VenueAdapter;
import dev.tradefleet.connector.venue.VenueRejection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.tradefleet.connector.venue.http.JsonFields.decimalOrNull;
import static dev.tradefleet.connector.venue.http.JsonFields.limitOrNull;

/** Bitget's public spot market data ({@code public/symbols}, {@code market/tickers}, {@code orderbook}, {@code candles}) in the fleet's terms. */
final class BitgetMarketData implements MarketData {

    /** Bitget's granularity of each common interval, and how long one candle lasts. */
    private static final Map<String, String> GRANULARITY = Map.of("1m", "1min", "5m", "5min", "15m", "15min", "30m", "30min", "1h", "1h",
            "4h", "4h", "1d", "1day");
    private static final Map<String, Duration> LENGTH = Map.of("1m", Duration.ofMinutes(1), "5m", Duration.ofMinutes(5), "15m",
            Duration.ofMinutes(15), "30m", Duration.ofMinutes(30), "1h", Duration.ofHours(1), "4h", Duration.ofHours(4), "1d", Duration.ofDays(1));
    private static final int MAX_DEPTH = 150;

    private final BitgetHttp http;

    BitgetMarketData(VenueAdapter.Wiring wiring) {
        this.http = new BitgetHttp(wiring);
    }

    @Override
    public CompletionStage<List<SymbolInfo>> symbols() {
        return get("/api/v2/spot/public/symbols", Map.of()).thenApply(data -> {
            List<SymbolInfo> symbols = new ArrayList<>();
            data.forEach(symbol -> symbols.add(symbol(symbol)));
            return symbols;
        });
    }

    /**
     * Bitget states precisions as decimal places ({@code pricePrecision}, {@code quantityPrecision}), the smallest and
     * largest quantity ({@code minTradeAmount}, {@code maxTradeAmount}, "0" for none) and the smallest order value
     * in USDT ({@code minTradeUSDT}: the minimum order value of USDT pairs; other pairs' is not stated in their quote asset). {@code online} is trading.
     */
    static SymbolInfo symbol(JsonNode s) {
        String status = switch (s.path("status").asText()) {
            case "online" -> "TRADING";
            case "halt" -> "HALT";
            default -> "BREAK";
        };
        return new SymbolInfo(s.path("symbol").asText(), s.path("baseCoin").asText(), s.path("quoteCoin").asText(), status,
                BigDecimal.ONE.movePointLeft(s.path("pricePrecision").asInt()), null, null,
                BigDecimal.ONE.movePointLeft(s.path("quantityPrecision").asInt()), limitOrNull(s, "minTradeAmount"), limitOrNull(s, "maxTradeAmount"),
                "USDT".equals(s.path("quoteCoin").asText()) ? limitOrNull(s, "minTradeUSDT") : null);
    }

    /** Bitget's ticker; its 24-hour change is a fraction (0.01 is 1 %). */
    @Override
    public CompletionStage<Ticker> ticker(String symbol) {
        return get("/api/v2/spot/market/tickers", Map.of("symbol", symbol)).thenApply(data -> {
            if (!data.isArray() || data.isEmpty()) {
                throw new VenueRejection("40034", "bitget has no symbol " + symbol);
            }
            JsonNode t = data.get(0);
            BigDecimal change = decimalOrNull(t, "change24h");
            return new Ticker(t.path("symbol").asText(), decimalOrNull(t, "lastPr"), decimalOrNull(t, "bidPr"), decimalOrNull(t, "askPr"), decimalOrNull(t, "open"),
                    decimalOrNull(t, "high24h"), decimalOrNull(t, "low24h"), decimalOrNull(t, "baseVolume"), decimalOrNull(t, "quoteVolume"),
                    change == null ? null : change.movePointRight(2));
        });
    }

    @Override
    public CompletionStage<OrderBook> book(String symbol, int depth) {
        return get("/api/v2/spot/market/orderbook", Map.of("symbol", symbol, "type", "step0", "limit", String.valueOf(Math.min(depth, MAX_DEPTH))))
                .thenApply(data -> new OrderBook(symbol, levels(data.path("bids"), depth), levels(data.path("asks"), depth)));
    }

    /** Rows of {@code [open time, open, high, low, close, base volume, USDT volume, quote volume]}, oldest first. */
    @Override
    public CompletionStage<List<Candle>> candles(String symbol, String interval, int limit) {
        String granularity = GRANULARITY.get(interval);
        if (granularity == null) {
            return CompletableFuture.failedFuture(new VenueRejection("invalid-interval", "no candle interval " + interval + "; one of " + INTERVALS));
        }
        Duration length = LENGTH.get(interval);
        return get("/api/v2/spot/market/candles", Map.of("symbol", symbol, "granularity", granularity, "limit", String.valueOf(limit)))
                .thenApply(data -> {
                    List<Candle> candles = new ArrayList<>();
                    for (JsonNode row : data) {
                        Instant open = Instant.ofEpochMilli(row.get(0).asLong());
                        candles.add(new Candle(open, new BigDecimal(row.get(1).asText()), new BigDecimal(row.get(2).asText()),
                                new BigDecimal(row.get(3).asText()), new BigDecimal(row.get(4).asText()), new BigDecimal(row.get(5).asText()),
                                open.plus(length).minusMillis(1), new BigDecimal(row.get(7).asText())));
                    }
                    return candles;
                });
    }

    private CompletionStage<JsonNode> get(String path, Map<String, String> query) {
        return http.get(path, query, VenueRequest.marketData(1));
    }

    private static List<Level> levels(JsonNode side, int depth) {
        List<Level> levels = new ArrayList<>();
        for (JsonNode level : side) {
            if (levels.size() == depth) {
                break;
            }
            levels.add(new Level(new BigDecimal(level.get(0).asText()), new BigDecimal(level.get(1).asText())));
        }
        return levels;
    }
}
