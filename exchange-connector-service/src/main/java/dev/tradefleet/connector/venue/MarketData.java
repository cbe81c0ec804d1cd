package dev.tradefleet.connector.venue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A venue's public market data, in the fleet's terms: the port every venue adapter implements beside
 * {@link VenueClient}. Calls pass the venue's limiter at market-data priority (last, behind every order).
 */
public interface MarketData {

    /** A tradable symbol and the filters an order must pass. */
    record SymbolInfo(String symbol, String baseAsset, String quoteAsset, String status, BigDecimal tickSize, BigDecimal minPrice,
                      BigDecimal maxPrice, BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity, BigDecimal minNotional) {
    }

    record Ticker(String symbol, BigDecimal lastPrice, BigDecimal bidPrice, BigDecimal askPrice, BigDecimal openPrice, BigDecimal highPrice,
                  BigDecimal lowPrice, BigDecimal volume, BigDecimal quoteVolume, BigDecimal priceChangePercent) {
    }

    record Level(BigDecimal price, BigDecimal quantity) {
    }

    record OrderBook(String symbol, List<Level> bids, List<Level> asks) {
    }

    record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume,
                  Instant closeTime, BigDecimal quoteVolume) {
    }

    /** Candle intervals every adapter understands, in the venues' common notation. */
    List<String> INTERVALS = List.of("1m", "5m", "15m", "30m", "1h", "4h", "1d");

    CompletionStage<List<SymbolInfo>> symbols();

    CompletionStage<Ticker> ticker(String symbol);

    CompletionStage<OrderBook> book(String symbol, int depth);

    CompletionStage<List<Candle>> candles(String symbol, String interval, int limit);
}
