package dev.tradefleet.paper.venue;

import dev.tradefleet.paper.matching.Fill;
import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.NewOrder;
import dev.tradefleet.paper.matching.OrderView;
import dev.tradefleet.paper.matching.SymbolSpec;
import dev.tradefleet.paper.matching.Units;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The paper exchange: one matching engine for all symbols, API keys, and the recent trades the market-data
 * endpoints show. The engine has one owner at a time (this object's lock); an operation takes microseconds,
 * so requests queue briefly rather than contend. What an operation changed is captured under the lock and told
 * to the {@link MarketListener} after it is released: building stream payloads and fanning them out to sockets
 * never holds up the engine.
 */
@Singleton
public class Venue {

    /** The faces the paper exchange shows: one market, but each face has its own accounts and keys. */
    public enum Api { BINANCE, MEXC }

    public record ApiKey(long account, String secretKey, Api api) {
        @Override
        public String toString() {
            return "ApiKey[" + api + " account " + account + ", secret redacted]";
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
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Venue.class);

    private final MarketListener listener;
    /** Changes in the order they happened, waiting to be told to the listener outside the lock. */
    private final ConcurrentLinkedQueue<MarketChange> untold = new ConcurrentLinkedQueue<>();
    private final ReentrantLock telling = new ReentrantLock();
    private long updateId;
    private long nextAccount = 1;

    Venue(PaperConfig config, MarketListener listener) {
        this.listener = listener;
        engine = new MatchingEngine(config.makerFeePpm(), config.takerFeePpm(), System::currentTimeMillis);
        DefaultSymbols.all().forEach(engine::addSymbol);
    }


    /** Opens an account of the {@code api} face with these balances (asset → decimal string) and returns its new API key pair. */
    public synchronized Keys openAccount(Api api, Map<String, String> balances) {
        long account = openSimulatedAccount(balances);
        Keys keys = new Keys(randomKey(64), randomKey(64));
        apiKeys.put(keys.apiKey(), new ApiKey(account, keys.secretKey(), api));
        return keys;
    }

    /** A funded account without API keys (the simulated market participants use these). */
    public synchronized long openSimulatedAccount(Map<String, String> balances) {
        long account = nextAccount++;
        balances.forEach((asset, amount) -> engine.deposit(account, asset, Units.of(amount)));
        return account;
    }

    /** The key, if it is one of the {@code api} face's: a key of one face opens nothing on the other. */
    public ApiKey apiKey(String apiKey, Api api) {
        ApiKey key = apiKeys.get(apiKey);
        return key == null || key.api() != api ? null : key;
    }

    /** Funds arriving from outside (a deposit), to the account's free balance. */
    public synchronized void credit(long account, String asset, long units) {
        engine.deposit(account, asset, units);
    }

    /** Funds leaving for outside (a withdrawal) and the fee kept for it, from the account's free balance; refused whole if short. */
    public synchronized void debit(long account, String asset, long units, long feeUnits) {
        engine.withdraw(account, asset, units, feeUnits);
    }

    /** Whether {@code asset} is traded here (a base or quote asset of a symbol). */
    public synchronized boolean knowsAsset(String asset) {
        return engine.symbols().stream().anyMatch(spec -> spec.baseAsset().equals(asset) || spec.quoteAsset().equals(asset));
    }

    /**
     * Runs {@code operations} as one: no other order reaches the engine between them (the market's re-quote, say, so
     * that no order finds the book withdrawn and not yet quoted again), and what they changed is told after.
     */
    public void atomically(Runnable operations) {
        synchronized (this) {
            operations.run();
        }
        tell();
    }

    public MatchingEngine.Result place(NewOrder order) {
        MatchingEngine.Result result;
        synchronized (this) {
            result = record(engine.place(order));
            capture(order.symbol(), result.order(), result.fills(), result.updates());
        }
        tell();
        return result;
    }

    public MatchingEngine.Result cancel(long account, String symbol, long orderId, String clientOrderId) {
        MatchingEngine.Result result;
        synchronized (this) {
            result = engine.cancel(account, symbol, orderId, clientOrderId);
            capture(symbol, null, result.fills(), result.updates());
        }
        tell();
        return result;
    }

    public List<OrderView> cancelAll(long account, String symbol) {
        List<OrderView> cancelled;
        synchronized (this) {
            cancelled = engine.cancelAll(account, symbol);
            capture(symbol, null, List.of(), cancelled);
        }
        tell();
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

    public MatchingEngine.OcoResult placeOco(dev.tradefleet.paper.matching.NewOco oco) {
        MatchingEngine.OcoResult result;
        synchronized (this) {
            result = engine.placeOco(oco);
            record(new MatchingEngine.Result(null, result.fills(), result.updates()));
            capture(oco.symbol(), null, result.fills(), result.updates());
        }
        tell();
        return result;
    }

    public synchronized MatchingEngine.ListView orderList(long account, long listId, String listClientOrderId) {
        return engine.orderList(account, listId, listClientOrderId);
    }

    public synchronized List<MatchingEngine.ListView> openOrderLists(long account) {
        return engine.openOrderLists(account);
    }

    public MatchingEngine.ListView cancelOrderList(long account, String symbol, long listId) {
        MatchingEngine.ListView list;
        synchronized (this) {
            list = engine.cancelOrderList(account, symbol, listId);
            capture(symbol, null, List.of(), list.orders());
        }
        tell();
        return list;
    }

    /**
     * Captures what an operation changed, under the lock: trades and orders always; the top of book, the depth,
     * the minute's candle, order lists and balances only where the listener watches them.
     */
    private void capture(String symbol, OrderView order, List<Fill> fills, List<OrderView> updates) {
        long first = updateId + 1;
        long last = ++updateId;
        MatchingEngine.Depth top = listener.watchesTop(symbol) ? engine.depth(symbol, 1) : null;
        MatchingEngine.Depth depth = listener.watchesDepth(symbol) ? engine.depth(symbol, 1000) : null;
        Candles.Candle minute = null;
        if (!fills.isEmpty() && listener.watchesCandles(symbol)) {
            List<Candles.Candle> recent = candles.klines(symbol, 1, System.currentTimeMillis() - Candles.MINUTE,
                    System.currentTimeMillis(), 1);
            minute = recent.isEmpty() ? null : recent.get(0);
        }
        SymbolSpec spec = engine.spec(symbol);
        Map<Long, Map<String, long[]>> balances = new java.util.LinkedHashMap<>();
        List<MatchingEngine.ListView> lists = new ArrayList<>();
        for (OrderView o : MarketChange.latest(order, updates).values()) {
            if (!listener.watchesAccount(o.account())) {
                continue;
            }
            balances.computeIfAbsent(o.account(), account -> {
                Map<String, long[]> all = new HashMap<>(engine.balances(account));
                all.keySet().retainAll(java.util.Set.of(spec.baseAsset(), spec.quoteAsset()));
                return all;
            });
            if (o.orderListId() >= 0) {
                MatchingEngine.ListView list = engine.orderList(o.account(), o.orderListId(), null);
                if (!lists.contains(list)) {
                    lists.add(list);
                }
            }
        }
        untold.add(new MarketChange(symbol, spec, first, last, order, List.copyOf(fills), List.copyOf(updates), top, depth,
                minute, lists, balances));
    }

    /**
     * Tells the listener every captured change, in order, outside the engine's lock. Whoever holds {@code telling}
     * tells everybody's changes; a thread that finds it taken leaves its change to the holder, which looks again
     * after letting go, so no change is left behind.
     */
    private void tell() {
        if (Thread.holdsLock(this)) {
            // inside atomically(): told once it lets go
            return;
        }
        while (!untold.isEmpty()) {
            if (!telling.tryLock()) {
                return;
            }
            try {
                MarketChange change;
                while ((change = untold.poll()) != null) {
                    try {
                        listener.changed(change);
                    } catch (RuntimeException e) {
                        // a stream that cannot be told is the streams' problem, never the order's
                        LOG.errorf("could not tell the streams about update %d on %s: %s", change.lastUpdateId(),
                                change.symbol(), e.toString());
                    }
                }
            } finally {
                telling.unlock();
            }
        }
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
