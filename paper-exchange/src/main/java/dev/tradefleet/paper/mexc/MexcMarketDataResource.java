package dev.tradefleet.paper.mexc;

import dev.tradefleet.paper.binance.BinanceException;
import dev.tradefleet.paper.binance.MarketDataResource;
import dev.tradefleet.paper.venue.PaperConfig;
import dev.tradefleet.paper.venue.Venue;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MEXC Spot v3 public market data of the same simulated market: where MEXC answers as Binance does (depth, trades,
 * prices, book ticker) the answer is Binance's; symbols, candles and the 24-hour ticker take MEXC's shapes.
 */
@Path(MexcApi.PREFIX + "/api/v3")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class MexcMarketDataResource {

    /** MEXC's candle intervals and the simulator's names for them; {@code 1W} and {@code 1M} are not simulated. */
    private static final Map<String, String> INTERVALS = Map.of("1m", "1m", "5m", "5m", "15m", "15m", "30m", "30m", "60m", "1h",
            "4h", "4h", "1d", "1d");
    private static final int CANDLE_COLUMNS = 8;

    @Inject
    Venue venue;
    @Inject
    PaperConfig config;
    @Inject
    MarketDataResource binance;

    @GET
    @Path("/ping")
    public Map<String, Object> ping() {
        return binance.ping();
    }

    @GET
    @Path("/time")
    public Map<String, Object> time() {
        return binance.time();
    }

    @GET
    @Path("/exchangeInfo")
    public Map<String, Object> exchangeInfo(@QueryParam("symbol") String symbol) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timezone", "CST");
        json.put("serverTime", System.currentTimeMillis());
        json.put("rateLimits", List.of());
        json.put("exchangeFilters", List.of());
        json.put("symbols", (symbol == null ? venue.symbols() : List.of(venue.spec(symbol))).stream()
                .map(s -> MexcJson.symbol(s, config.makerFeePpm(), config.takerFeePpm())).toList());
        return json;
    }

    @GET
    @Path("/depth")
    public Map<String, Object> depth(@QueryParam("symbol") String symbol, @QueryParam("limit") String limit) {
        return binance.depth(symbol, limit);
    }

    @GET
    @Path("/trades")
    public List<Map<String, Object>> trades(@QueryParam("symbol") String symbol, @QueryParam("limit") String limit) {
        return binance.trades(symbol, limit);
    }

    @GET
    @Path("/ticker/price")
    public Object price(@QueryParam("symbol") String symbol) {
        return binance.price(symbol);
    }

    @GET
    @Path("/ticker/bookTicker")
    public Map<String, Object> bookTicker(@QueryParam("symbol") String symbol) {
        return binance.bookTicker(symbol);
    }

    /** Candles of eight columns: open time, open, high, low, close, volume, close time, quote volume. */
    @GET
    @Path("/klines")
    public List<List<Object>> klines(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
                                     @QueryParam("startTime") String startTime, @QueryParam("endTime") String endTime,
                                     @QueryParam("limit") String limit) {
        if (interval == null) {
            throw BinanceException.mandatory("interval");
        }
        String simulated = INTERVALS.get(interval);
        if (simulated == null) {
            throw BinanceException.badRequest(-1120, "Invalid interval.");
        }
        return binance.klines(symbol, simulated, startTime, endTime, limit).stream()
                .map(candle -> candle.subList(0, CANDLE_COLUMNS)).toList();
    }

    /** MEXC's 24-hour ticker: the change as a fraction (0.004 is 0.4 %), the previous close, no trade ids. */
    @GET
    @Path("/ticker/24hr")
    public Map<String, Object> ticker24hr(@QueryParam("symbol") String symbol) {
        Map<String, Object> day = binance.ticker24hr(symbol);
        BigDecimal open = new BigDecimal((String) day.get("openPrice"));
        BigDecimal last = new BigDecimal((String) day.get("lastPrice"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", symbol);
        json.put("priceChange", day.get("priceChange"));
        json.put("priceChangePercent", open.signum() == 0 ? "0" : last.subtract(open).divide(open, 8, RoundingMode.HALF_UP).toPlainString());
        json.put("prevClosePrice", day.get("openPrice"));
        json.put("lastPrice", day.get("lastPrice"));
        json.put("bidPrice", day.get("bidPrice"));
        json.put("bidQty", "");
        json.put("askPrice", day.get("askPrice"));
        json.put("askQty", "");
        json.put("openPrice", day.get("openPrice"));
        json.put("highPrice", day.get("highPrice"));
        json.put("lowPrice", day.get("lowPrice"));
        json.put("volume", day.get("volume"));
        json.put("quoteVolume", day.get("quoteVolume"));
        json.put("openTime", day.get("openTime"));
        json.put("closeTime", day.get("closeTime"));
        json.put("count", null);
        return json;
    }
}
