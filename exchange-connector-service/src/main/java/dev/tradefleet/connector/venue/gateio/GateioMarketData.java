package dev.tradefleet.connector.venue.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.VenueRejection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.tradefleet.connector.venue.http.JsonFields.decimalOrNull;

/** Gate.io's public spot market data ({@code currency_pairs}, {@code tickers}, {@code order_book}, {@code candlesticks}) in the fleet's terms. */
final class GateioMarketData implements MarketData {

    /** How long one candle of each common interval lasts; Gate.io names the intervals as the fleet does. */
    private static final Map<String, Duration> LENGTH = Map.of("1m", Duration.ofMinutes(1), "5m", Duration.ofMinutes(5), "15m",
            Duration.ofMinutes(15), "30m", Duration.ofMinutes(30), "1h", Duration.ofHours(1), "4h", Duration.ofHours(4), "1d", Duration.ofDays(1));

    private final GateioHttp http;
    private final GateioPairs pairs;

    GateioMarketData(GateioHttp http, GateioPairs pairs) {
        this.http = http;
        this.pairs = pairs;
    }

    @Override
    public CompletionStage<List<SymbolInfo>> symbols() {
        return pairs.all(false).thenApply(all -> all.values().stream().map(GateioMarketData::symbol)
                .sorted(Comparator.comparing(SymbolInfo::symbol)).toList());
    }

    /**
     * Gate.io states {@code precision} (price) and {@code amount_precision} as decimal places, and the smallest and
     * largest amounts in base ({@code min_base_amount}, {@code max_base_amount}) and quote ({@code min_quote_amount});
     * only {@code tradable} is trading both ways.
     */
    static SymbolInfo symbol(JsonNode pair) {
        String status = switch (pair.path("trade_status").asText()) {
            case "tradable" -> "TRADING";
            case "untradable" -> "HALT";
            default -> "BREAK";
        };
        return new SymbolInfo(GateioPairs.symbol(pair.path("id").asText()), pair.path("base").asText(), pair.path("quote").asText(), status,
                BigDecimal.ONE.movePointLeft(pair.path("precision").asInt()), null, null,
                BigDecimal.ONE.movePointLeft(pair.path("amount_precision").asInt()), decimalOrNull(pair, "min_base_amount"),
                decimalOrNull(pair, "max_base_amount"), decimalOrNull(pair, "min_quote_amount"));
    }

    /** Gate.io's ticker has no opening price; its change is in percent already. */
    @Override
    public CompletionStage<Ticker> ticker(String symbol) {
        return pairs.pairOf(symbol).thenCompose(pair -> get("/spot/tickers", Map.of("currency_pair", pair))).thenApply(list -> {
            if (!list.isArray() || list.isEmpty()) {
                throw new VenueRejection("INVALID_CURRENCY_PAIR", "gate.io has no ticker for " + symbol);
            }
            JsonNode t = list.get(0);
            return new Ticker(symbol, decimalOrNull(t, "last"), decimalOrNull(t, "highest_bid"), decimalOrNull(t, "lowest_ask"), null,
                    decimalOrNull(t, "high_24h"), decimalOrNull(t, "low_24h"), decimalOrNull(t, "base_volume"), decimalOrNull(t, "quote_volume"),
                    decimalOrNull(t, "change_percentage"));
        });
    }

    @Override
    public CompletionStage<OrderBook> book(String symbol, int depth) {
        return pairs.pairOf(symbol).thenCompose(pair -> get("/spot/order_book", Map.of("currency_pair", pair, "limit", String.valueOf(depth))))
                .thenApply(book -> new OrderBook(symbol, levels(book.path("bids")), levels(book.path("asks"))));
    }

    /**
     * Rows of {@code [open time (s), quote volume, close, high, low, open, base volume, closed]}; the documented example
     * leaves the base volume out, so a row of seven has none.
     */
    @Override
    public CompletionStage<List<Candle>> candles(String symbol, String interval, int limit) {
        Duration length = LENGTH.get(interval);
        if (length == null) {
            return CompletableFuture.failedFuture(new VenueRejection("invalid-interval", "no candle interval " + interval + "; one of " + INTERVALS));
        }
        return pairs.pairOf(symbol).thenCompose(pair -> get("/spot/candlesticks", Map.of("currency_pair", pair, "interval", interval, "limit",
                String.valueOf(limit)))).thenApply(rows -> {
                    List<Candle> candles = new ArrayList<>();
                    for (JsonNode row : rows) {
                        Instant open = Instant.ofEpochSecond(row.get(0).asLong());
                        BigDecimal baseVolume = row.size() >= 8 ? new BigDecimal(row.get(6).asText()) : null;
                        candles.add(new Candle(open, new BigDecimal(row.get(5).asText()), new BigDecimal(row.get(3).asText()),
                                new BigDecimal(row.get(4).asText()), new BigDecimal(row.get(2).asText()), baseVolume,
                                open.plus(length).minusMillis(1), new BigDecimal(row.get(1).asText())));
                    }
                    return candles;
                });
    }

    private CompletionStage<JsonNode> get(String path, Map<String, String> query) {
        return http.get(path, query, VenueRequest.marketData(1));
    }

    private static List<Level> levels(JsonNode side) {
        List<Level> levels = new ArrayList<>();
        side.forEach(level -> levels.add(new Level(new BigDecimal(level.get(0).asText()), new BigDecimal(level.get(1).asText()))));
        return levels;
    }
}
