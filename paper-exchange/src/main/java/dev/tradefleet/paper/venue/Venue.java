package dev.tradefleet.paper.venue;

import dev.tradefleet.paper.matching.Fill;
import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.NewOrder;
import dev.tradefleet.paper.matching.OrderView;
import dev.tradefleet.paper.matching.SymbolSpec;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.stream.StreamEvents;
import dev.tradefleet.paper.stream.StreamHub;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paper exchange: one matching engine for all symbols, API keys, and the recent trades the market-data
 * endpoints show. The engine has one owner at a time (this object's lock); an operation takes microseconds,
 * so requests queue briefly rather than contend.
 */
@Singleton
public class Venue {

    public record ApiKey(long account, String secretKey) {
        @Override
        public String toString() {
            return "ApiKey[account " + account + ", secret redacted]";
        }
    }

    public record Keys(String apiKey, String secretKey) {
        @Override
        public String toString() {
            return "Keys[" + apiKey + ", secret redacted]";
        }
    }

    private static final int RECENT_TRADES = 1000;
    private static final int ACCOUNT_TRADES = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final MatchingEngine engine;
    private final Map<String, ApiKey> apiKeys = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fill>> recentTrades = new HashMap<>();
    private final Map<Long, Deque<Fill>> accountTrades = new HashMap<>();
    private final Candles candles = new Candles();
    private final StreamHub hub;
    /** The depth last sent on a symbol's {@code @depth} stream, to send only what changed. */
    private record PublishedDepth(Map<Long, Long> bids, Map<Long, Long> asks) {
        static final PublishedDepth NONE = new PublishedDepth(Map.of(), Map.of());
    }

    private final Map<String, PublishedDepth> publishedDepth = new HashMap<>();
    private final Map<String, MatchingEngine.Depth> publishedTop = new HashMap<>();
    private long updateId;
    private long nextAccount = 1;

    Venue(PaperConfig config, StreamHub hub) {
        this.hub = hub;
        engine = new MatchingEngine(config.makerFeePpm(), config.takerFeePpm(), System::currentTimeMillis);
        DefaultSymbols.all().forEach(engine::addSymbol);
    }


    /** Opens an account with these balances (asset → decimal string) and returns its new API key pair. */
    public synchronized Keys openAccount(Map<String, String> balances) {
        long account = openSimulatedAccount(balances);
        Keys keys = new Keys(randomKey(64), randomKey(64));
        apiKeys.put(keys.apiKey(), new ApiKey(account, keys.secretKey()));
        return keys;
    }

    /** A funded account without API keys (the simulated market participants use these). */
    public synchronized long openSimulatedAccount(Map<String, String> balances) {
        long account = nextAccount++;
        balances.forEach((asset, amount) -> engine.deposit(account, asset, Units.of(amount)));
        return account;
    }

    public ApiKey apiKey(String apiKey) {
        return apiKeys.get(apiKey);
    }

    public synchronized MatchingEngine.Result place(NewOrder order) {
        MatchingEngine.Result result = record(engine.place(order));
        announce(order.symbol(), result.order(), result.fills(), result.updates());
        return result;
    }

    public synchronized MatchingEngine.Result cancel(long account, String symbol, long orderId, String clientOrderId) {
        MatchingEngine.Result result = engine.cancel(account, symbol, orderId, clientOrderId);
        announce(symbol, null, result.fills(), result.updates());
        return result;
    }

    public synchronized List<OrderView> cancelAll(long account, String symbol) {
        List<OrderView> cancelled = engine.cancelAll(account, symbol);
        announce(symbol, null, List.of(), cancelled);
        return cancelled;
    }

    public synchronized OrderView order(long account, String symbol, long orderId, String clientOrderId) {
        return engine.order(account, symbol, orderId, clientOrderId);
    }

    public synchronized List<OrderView> openOrders(long account, String symbol) {
        return engine.openOrders(account, symbol);
    }

    public synchronized Map<String, long[]> balances(long account) {
        return engine.balances(account);
    }

    public synchronized MatchingEngine.Depth depth(String symbol, int limit) {
        return engine.depth(symbol, limit);
    }

    public synchronized long lastPrice(String symbol) {
        return engine.lastPrice(symbol);
    }

    public synchronized List<Fill> recentTrades(String symbol, int limit) {
        engine.spec(symbol);
        return last(recentTrades.getOrDefault(symbol, new ArrayDeque<>()), limit);
    }

    public synchronized List<Fill> accountTrades(long account, String symbol, int limit) {
        engine.spec(symbol);
        List<Fill> mine = new ArrayList<>();
        for (Fill fill : accountTrades.getOrDefault(account, new ArrayDeque<>())) {
            if (fill.symbol().equals(symbol)) {
                mine.add(fill);
            }
        }
        return mine.subList(Math.max(0, mine.size() - limit), mine.size());
    }

    public synchronized List<Candles.Candle> klines(String symbol, int intervalMinutes, long startTime, long endTime, int limit) {
        engine.spec(symbol);
        return candles.klines(symbol, intervalMinutes, startTime, endTime, limit);
    }

    public synchronized Candles.Candle lastDay(String symbol) {
        engine.spec(symbol);
        return candles.lastDay(symbol, System.currentTimeMillis());
    }

    public synchronized List<OrderView> orders(long account, String symbol, long fromId, int limit) {
        return engine.orders(account, symbol, fromId, limit);
    }

    public synchronized MatchingEngine.OcoResult placeOco(dev.tradefleet.paper.matching.NewOco oco) {
        MatchingEngine.OcoResult result = engine.placeOco(oco);
        record(new MatchingEngine.Result(null, result.fills(), result.updates()));
        announce(oco.symbol(), null, result.fills(), result.updates());
        return result;
    }

    public synchronized MatchingEngine.ListView orderList(long account, long listId, String listClientOrderId) {
        return engine.orderList(account, listId, listClientOrderId);
    }

    public synchronized List<MatchingEngine.ListView> openOrderLists(long account) {
        return engine.openOrderLists(account);
    }

    public synchronized MatchingEngine.ListView cancelOrderList(long account, String symbol, long listId) {
        MatchingEngine.ListView list = engine.cancelOrderList(account, symbol, listId);
        announce(symbol, null, List.of(), list.orders());
        return list;
    }

    /**
     * Tells the streams what an operation changed: trades, the best bid and ask, the depth levels that moved,
     * the current minute's candle; and every account involved its execution reports and balances. Market
     * payloads are built only when a stream has subscribers.
     */
    private void announce(String symbol, OrderView order, List<Fill> fills, List<OrderView> updates) {
        String lower = symbol.toLowerCase(java.util.Locale.ROOT);
        long first = updateId + 1;
        long last = ++updateId;
        for (Fill fill : fills) {
            hub.publish(lower + "@trade", StreamEvents.json(StreamEvents.trade(fill)));
        }
        if (hub.hasSubscribers(lower + "@bookTicker")) {
            MatchingEngine.Depth top = engine.depth(symbol, 1);
            if (!top.equals(publishedTop.put(symbol, top))) {
                hub.publish(lower + "@bookTicker", StreamEvents.json(StreamEvents.bookTicker(symbol, top, last)));
            }
        }
        if (hub.hasSubscribers(lower + "@depth")) {
            MatchingEngine.Depth depth = engine.depth(symbol, 1000);
            PublishedDepth before = publishedDepth.getOrDefault(symbol, PublishedDepth.NONE);
            Map<String, Object> diff = StreamEvents.depthUpdate(symbol, before.bids(), before.asks(), depth, first, last);
            publishedDepth.put(symbol, new PublishedDepth(StreamEvents.levels(depth.bids()), StreamEvents.levels(depth.asks())));
            if (diff != null) {
                hub.publish(lower + "@depth", StreamEvents.json(diff));
            }
        }
        if (!fills.isEmpty() && hub.hasSubscribers(lower + "@kline_1m")) {
            List<Candles.Candle> minute = candles.klines(symbol, 1, System.currentTimeMillis() - Candles.MINUTE,
                    System.currentTimeMillis(), 1);
            if (!minute.isEmpty()) {
                hub.publish(lower + "@kline_1m", StreamEvents.json(StreamEvents.kline(symbol, minute.get(0))));
            }
        }
        reportToAccounts(symbol, order, fills, updates);
    }

    private void reportToAccounts(String symbol, OrderView order, List<Fill> fills, List<OrderView> updates) {
        Map<Long, OrderView> latest = new java.util.LinkedHashMap<>();
        if (order != null) {
            latest.put(order.orderId(), order);
        }
        for (OrderView update : updates) {
            latest.put(update.orderId(), update);
        }
        java.util.Set<Long> accounts = new java.util.HashSet<>();
        SymbolSpec spec = engine.spec(symbol);
        for (OrderView o : latest.values()) {
            if (!hub.hasAccountSubscribers(o.account())) {
                continue;
            }
            accounts.add(o.account());
            List<Fill> mine = fills.stream().filter(f -> f.takerOrderId() == o.orderId() || f.makerOrderId() == o.orderId()).toList();
            if (mine.isEmpty()) {
                String type = switch (o.status()) {
                    case CANCELED -> "CANCELED";
                    case EXPIRED -> "EXPIRED";
                    case EXPIRED_IN_MATCH -> "TRADE_PREVENTION";
                    default -> "NEW";
                };
                hub.publishToAccount(o.account(), userEvent(StreamEvents.executionReport(o, null, spec, type)));
            }
            for (Fill fill : mine) {
                hub.publishToAccount(o.account(), userEvent(StreamEvents.executionReport(o, fill, spec, "TRADE")));
            }
        }
        latest.values().stream().filter(o -> o.orderListId() >= 0 && hub.hasAccountSubscribers(o.account()))
                .map(o -> engine.orderList(o.account(), o.orderListId(), null)).distinct()
                .forEach(list -> hub.publishToAccount(list.account(), userEvent(StreamEvents.listStatus(list))));
        for (long account : accounts) {
            Map<String, long[]> balances = new HashMap<>(engine.balances(account));
            balances.keySet().retainAll(java.util.Set.of(spec.baseAsset(), spec.quoteAsset()));
            hub.publishToAccount(account, userEvent(StreamEvents.accountPosition(balances)));
        }
    }

    /** User data events travel inside the WebSocket API's subscription envelope. */
    private static String userEvent(Map<String, Object> event) {
        return StreamEvents.json(Map.of("subscriptionId", 0, "event", event));
    }

    public synchronized List<SymbolSpec> symbols() {
        return engine.symbols();
    }

    public synchronized SymbolSpec spec(String symbol) {
        return engine.spec(symbol);
    }

    private MatchingEngine.Result record(MatchingEngine.Result result) {
        for (Fill fill : result.fills()) {
            candles.record(fill);
            bounded(recentTrades.computeIfAbsent(fill.symbol(), s -> new ArrayDeque<>()), fill, RECENT_TRADES);
            bounded(accountTrades.computeIfAbsent(fill.buyerAccount(), a -> new ArrayDeque<>()), fill, ACCOUNT_TRADES);
            if (fill.sellerAccount() != fill.buyerAccount()) {
                bounded(accountTrades.computeIfAbsent(fill.sellerAccount(), a -> new ArrayDeque<>()), fill, ACCOUNT_TRADES);
            }
        }
        return result;
    }

    private static void bounded(Deque<Fill> deque, Fill fill, int cap) {
        deque.addLast(fill);
        if (deque.size() > cap) {
            deque.removeFirst();
        }
    }

    private static List<Fill> last(Deque<Fill> deque, int limit) {
        List<Fill> all = new ArrayList<>(deque);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    private static String randomKey(int length) {
        char[] key = new char[length];
        for (int i = 0; i < length; i++) {
            key[i] = KEY_CHARS[RANDOM.nextInt(KEY_CHARS.length)];
        }
        return new String(key);
    }
}
