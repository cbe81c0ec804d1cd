package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.matching.Fill;
import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.Rejection;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.venue.Venue;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binance Spot v3 public market data. */
@Path("/api/v3")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class MarketDataResource {

    private static final int MAX_DEPTH = 5000;

    @Inject
    Venue venue;

    @GET
    @Path("/ping")
    public Map<String, Object> ping() {
        return Map.of();
    }

    @GET
    @Path("/time")
    public Map<String, Object> time() {
        return Map.of("serverTime", System.currentTimeMillis());
    }

    @GET
    @Path("/exchangeInfo")
    public Map<String, Object> exchangeInfo(@QueryParam("symbol") String symbol) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timezone", "UTC");
        json.put("serverTime", System.currentTimeMillis());
        json.put("rateLimits", List.of(
                Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", 6000),
                Map.of("rateLimitType", "ORDERS", "interval", "SECOND", "intervalNum", 10, "limit", 100)));
        json.put("exchangeFilters", List.of());
        json.put("symbols", (symbol == null ? venue.symbols() : List.of(venue.spec(symbol))).stream()
                .map(BinanceJson::symbol).toList());
        return json;
    }

    @GET
    @Path("/depth")
    public Map<String, Object> depth(@QueryParam("symbol") String symbol, @QueryParam("limit") String limit) {
        int levels = Params.limit(limit, 100, MAX_DEPTH);
        MatchingEngine.Depth depth = venue.depth(required(symbol), levels);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lastUpdateId", System.nanoTime());
        json.put("bids", depth.bids().stream().map(l -> List.of(Units.format(l.price()), Units.format(l.quantity()))).toList());
        json.put("asks", depth.asks().stream().map(l -> List.of(Units.format(l.price()), Units.format(l.quantity()))).toList());
        return json;
    }

    @GET
    @Path("/trades")
    public List<Map<String, Object>> trades(@QueryParam("symbol") String symbol, @QueryParam("limit") String limit) {
        return venue.recentTrades(required(symbol), Params.limit(limit, 500, 1000)).stream()
                .map(BinanceJson::trade).toList();
    }

    @GET
    @Path("/ticker/price")
    public Object price(@QueryParam("symbol") String symbol) {
        if (symbol != null) {
            return priceOf(symbol);
        }
        return venue.symbols().stream().map(s -> priceOf(s.symbol())).toList();
    }

    @GET
    @Path("/ticker/bookTicker")
    public Map<String, Object> bookTicker(@QueryParam("symbol") String symbol) {
        MatchingEngine.Depth top = venue.depth(required(symbol), 1);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", symbol);
        json.put("bidPrice", top.bids().isEmpty() ? Units.format(0) : Units.format(top.bids().get(0).price()));
        json.put("bidQty", top.bids().isEmpty() ? Units.format(0) : Units.format(top.bids().get(0).quantity()));
        json.put("askPrice", top.asks().isEmpty() ? Units.format(0) : Units.format(top.asks().get(0).price()));
        json.put("askQty", top.asks().isEmpty() ? Units.format(0) : Units.format(top.asks().get(0).quantity()));
        return json;
    }

    /** The volume-weighted price of the last five minutes' trades (the last price when there were none). */
    @GET
    @Path("/avgPrice")
    public Map<String, Object> avgPrice(@QueryParam("symbol") String symbol) {
        long since = System.currentTimeMillis() - 5 * 60_000;
        List<Fill> recent = venue.recentTrades(required(symbol), 1000).stream().filter(f -> f.time() >= since).toList();
        long quantity = recent.stream().mapToLong(Fill::quantity).sum();
        java.math.BigDecimal quote = recent.stream().map(f -> Units.toDecimal(f.quoteQuantity()))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        java.math.BigDecimal average = quantity == 0 ? Units.toDecimal(venue.lastPrice(symbol))
                : quote.divide(Units.toDecimal(quantity), Units.SCALE, java.math.RoundingMode.HALF_EVEN);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mins", 5);
        json.put("price", average.setScale(Units.SCALE, java.math.RoundingMode.HALF_EVEN).toPlainString());
        json.put("closeTime", recent.isEmpty() ? System.currentTimeMillis() : recent.get(recent.size() - 1).time());
        return json;
    }

    private static final Map<String, Integer> INTERVAL_MINUTES = Map.ofEntries(
            Map.entry("1m", 1), Map.entry("3m", 3), Map.entry("5m", 5), Map.entry("15m", 15), Map.entry("30m", 30),
            Map.entry("1h", 60), Map.entry("2h", 120), Map.entry("4h", 240), Map.entry("6h", 360), Map.entry("8h", 480),
            Map.entry("12h", 720), Map.entry("1d", 1440));

    /** Candlesticks: [open time, open, high, low, close, volume, close time, quote volume, trades, taker buy base, taker buy quote, "0"]. */
    @GET
    @Path("/klines")
    public List<List<Object>> klines(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
                                     @QueryParam("startTime") String startTime, @QueryParam("endTime") String endTime,
                                     @QueryParam("limit") String limit) {
        required(symbol);
        if (interval == null) {
            throw BinanceException.mandatory("interval");
        }
        Integer minutes = INTERVAL_MINUTES.get(interval);
        if (minutes == null) {
            throw BinanceException.badRequest(-1120, "Invalid interval.");
        }
        int count = Params.limit(limit, 500, 1000);
        Long from = Params.epochMillis("startTime", startTime);
        Long to = Params.epochMillis("endTime", endTime);
        long end = to == null ? System.currentTimeMillis() : to;
        long start = from == null ? 0 : from;
        if (start > end) {
            throw BinanceException.badRequest(-1023, "Start time is greater than end time.");
        }
        long width = minutes * dev.tradefleet.paper.venue.Candles.MINUTE;
        return venue.klines(symbol, minutes, start, end, count).stream().map(c -> List.<Object>of(c.openTime,
                Units.format(c.open), Units.format(c.high), Units.format(c.low), Units.format(c.close), Units.format(c.volume),
                c.openTime + width - 1, Units.format(c.quoteVolume), c.trades, Units.format(c.takerBuyVolume),
                Units.format(c.takerBuyQuoteVolume), "0")).toList();
    }

    /** The rolling 24-hour statistics of one symbol. */
    @GET
    @Path("/ticker/24hr")
    public Map<String, Object> ticker24hr(@QueryParam("symbol") String symbol) {
        required(symbol);
        dev.tradefleet.paper.venue.Candles.Candle day = venue.lastDay(symbol);
        MatchingEngine.Depth top = venue.depth(symbol, 1);
        long now = System.currentTimeMillis();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", symbol);
        java.math.BigDecimal open = Units.toDecimal(day == null ? 0 : day.open);
        java.math.BigDecimal last = Units.toDecimal(day == null ? 0 : day.close);
        json.put("priceChange", last.subtract(open).toPlainString());
        // percent with 3 decimals, rounded half up, as Binance shows it
        json.put("priceChangePercent", open.signum() == 0 ? "0.000" : last.subtract(open).multiply(java.math.BigDecimal.valueOf(100))
                .divide(open, 3, java.math.RoundingMode.HALF_UP).toPlainString());
        json.put("weightedAvgPrice", day == null || day.volume == 0 ? Units.format(0) : Units.toDecimal(day.quoteVolume)
                .divide(Units.toDecimal(day.volume), Units.SCALE, java.math.RoundingMode.HALF_EVEN).toPlainString());
        json.put("lastPrice", last.toPlainString());
        json.put("bidPrice", top.bids().isEmpty() ? Units.format(0) : Units.format(top.bids().get(0).price()));
        json.put("askPrice", top.asks().isEmpty() ? Units.format(0) : Units.format(top.asks().get(0).price()));
        json.put("openPrice", open.toPlainString());
        json.put("highPrice", Units.format(day == null ? 0 : day.high));
        json.put("lowPrice", Units.format(day == null ? 0 : day.low));
        json.put("volume", Units.format(day == null ? 0 : day.volume));
        json.put("quoteVolume", Units.format(day == null ? 0 : day.quoteVolume));
        json.put("openTime", now - 24 * 60 * dev.tradefleet.paper.venue.Candles.MINUTE);
        json.put("closeTime", now);
        json.put("firstId", day == null ? -1 : day.firstTradeId);
        json.put("lastId", day == null ? -1 : day.lastTradeId);
        json.put("count", day == null ? 0 : day.trades);
        return json;
    }

    private Map<String, Object> priceOf(String symbol) {
        return Map.of("symbol", symbol, "price", Units.format(venue.lastPrice(symbol)));
    }

    private static String required(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw BinanceException.mandatory("symbol");
        }
        if (!symbol.matches("[A-Z0-9]{2,20}")) {
            throw new Rejection(Rejection.BAD_SYMBOL, "Invalid symbol.");
        }
        return symbol;
    }
}
