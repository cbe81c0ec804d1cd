package dev.tradefleet.connector.markets;

import dev.tradefleet.connector.cache.CoalescingCache;
import dev.tradefleet.connector.sessions.VenueClients;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.MarketData.Candle;
import dev.tradefleet.connector.venue.MarketData.OrderBook;
import dev.tradefleet.connector.venue.MarketData.SymbolInfo;
import dev.tradefleet.connector.venue.MarketData.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Market data for every caller, cached and coalesced per venue, environment and question: however many ask for
 * one chart at once, the venue answers once; each answer is kept a little while (symbols minutes, books half a
 * second) and served stale for a while longer if the venue stops answering.
 */
public final class Markets {

    record Where(String venue, String environment) {
    }

    record Of(Where where, String symbol) {
    }

    record Depth(Where where, String symbol, int depth) {
    }

    record Chart(Where where, String symbol, String interval, int limit) {
    }

    private static final List<Integer> CANDLE_LENGTHS = List.of(100, 500, 1000);

    private final VenueClients venues;
    private final CoalescingCache<Where, List<SymbolInfo>> symbols;
    private final CoalescingCache<Of, Ticker> tickers;
    private final CoalescingCache<Depth, OrderBook> books;
    private final CoalescingCache<Chart, List<Candle>> candles;

    public Markets(VenueClients venues, Clock clock) {
        this.venues = venues;
        this.symbols = cache(w -> data(w).symbols(), Duration.ofMinutes(5), Duration.ofHours(1), clock);
        this.tickers = cache(o -> data(o.where()).ticker(o.symbol()), Duration.ofSeconds(1), Duration.ofSeconds(30), clock);
        this.books = cache(d -> data(d.where()).book(d.symbol(), d.depth()), Duration.ofMillis(500), Duration.ofSeconds(5), clock);
        this.candles = cache(c -> data(c.where()).candles(c.symbol(), c.interval(), c.limit()), Duration.ofSeconds(2),
                Duration.ofMinutes(1), clock);
    }

    private static <K, V> CoalescingCache<K, V> cache(Function<K, java.util.concurrent.CompletionStage<V>> load, Duration ttl,
                                                      Duration stale, Clock clock) {
        return new CoalescingCache<>(key -> load.apply(key).toCompletableFuture(), ttl, stale, clock);
    }

    private MarketData data(Where where) {
        return venues.marketData(where.venue(), where.environment());
    }

    public boolean configured(String venue, String environment) {
        return venues.configured(venue, environment);
    }

    public CompletableFuture<List<SymbolInfo>> symbols(String venue, String environment) {
        return symbols.get(new Where(venue, environment));
    }

    /** The symbol as the venue lists it; empty when it lists no such symbol. */
    public CompletableFuture<Optional<SymbolInfo>> symbol(String venue, String environment, String symbol) {
        return symbols(venue, environment).thenApply(all -> all.stream().filter(s -> s.symbol().equals(symbol)).findFirst());
    }

    public CompletableFuture<Ticker> ticker(String venue, String environment, String symbol) {
        return tickers.get(new Of(new Where(venue, environment), symbol));
    }

    public CompletableFuture<OrderBook> book(String venue, String environment, String symbol, int depth) {
        return books.get(new Depth(new Where(venue, environment), symbol, depth));
    }

    /**
     * The last {@code limit} candles, cut from one of a few cached lengths (100, 500, 1000), so that every limit a
     * caller may ask for shares a handful of venue calls and cache entries.
     */
    public CompletableFuture<List<Candle>> candles(String venue, String environment, String symbol, String interval, int limit) {
        int fetched = CANDLE_LENGTHS.stream().filter(length -> length >= limit).findFirst()
                .orElse(CANDLE_LENGTHS.get(CANDLE_LENGTHS.size() - 1));
        return candles.get(new Chart(new Where(venue, environment), symbol, interval, fetched))
                .thenApply(all -> all.subList(Math.max(0, all.size() - limit), all.size()));
    }
}
