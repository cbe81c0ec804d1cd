package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.NewOrder;
import dev.tradefleet.paper.matching.OrderType;
import dev.tradefleet.paper.matching.Rejection;
import dev.tradefleet.paper.matching.Side;
import dev.tradefleet.paper.matching.SymbolSpec;
import dev.tradefleet.paper.matching.TimeInForce;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.venue.Venue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A market around the users: a reference price per symbol that walks or replays candles (or is set by an admin), a simulated
 * market maker quoting a few levels around it, and a simulated taker that trades, at the reference, with
 * whatever resting orders the reference has crossed — so a user's limit order fills when the market reaches
 * it, in its queue position, and stop orders trigger on the resulting trades.
 */
public final class MarketSimulator {

    private static final Map<String, String> DEFAULT_START = Map.of(
            "BTCUSDT", "60000", "ETHUSDT", "3000", "BNBUSDT", "600", "SOLUSDT", "150", "ETHBTC", "0.05");
    /** Enough of everything that the simulated participants never run dry. */
    private static final String PLENTY = "1000000000";
    private static final String PLENTY_OF_COINS = "10000000";

    private final Venue venue;
    private final int levels;
    private final long maker;
    private final long taker;
    private final Map<String, PriceSource> walks = new HashMap<>();
    private volatile boolean paused;

    public MarketSimulator(Venue venue, long seed, double drift, double volatility, int levels, Map<String, String> startPrices) {
        this(venue, seed, drift, volatility, levels, startPrices, Map.of());
    }

    /** @param replays symbols whose price replays a candles file instead of walking */
    public MarketSimulator(Venue venue, long seed, double drift, double volatility, int levels, Map<String, String> startPrices,
                           Map<String, PriceSource> replays) {
        this.venue = venue;
        this.levels = levels;
        Map<String, String> funds = new HashMap<>();
        for (SymbolSpec spec : venue.symbols()) {
            funds.put(spec.baseAsset(), PLENTY_OF_COINS);
            funds.put(spec.quoteAsset(), spec.quoteAsset().equals("BTC") ? PLENTY_OF_COINS : PLENTY);
        }
        this.maker = venue.openSimulatedAccount(funds);
        this.taker = venue.openSimulatedAccount(funds);
        long salt = 0;
        for (SymbolSpec spec : venue.symbols()) {
            String start = startPrices.getOrDefault(spec.symbol(), DEFAULT_START.getOrDefault(spec.symbol(), "1"));
            PriceSource source = replays.get(spec.symbol());
            walks.put(spec.symbol(), source != null ? source
                    : new PriceWalk(seed + salt, Units.of(start), spec.tickSize(), drift, volatility));
            salt++;
        }
    }

    public long referencePrice(String symbol) {
        PriceSource walk = walks.get(symbol);
        if (walk == null) {
            throw new Rejection(Rejection.BAD_SYMBOL, "Invalid symbol.");
        }
        synchronized (walk) {
            return walk.price();
        }
    }

    public boolean paused() {
        return paused;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /** One step of the whole market (what the timer calls): every symbol's reference walks, then trades and quotes. */
    public void step() {
        walks.keySet().forEach(this::step);
    }

    /**
     * One step of one symbol's market. A symbol's price source is also its lock: the timer's step and an admin's
     * {@link #setPrice} never interleave on one symbol (each moves the price, then withdraws and re-quotes).
     */
    public void step(String symbol) {
        if (paused) {
            return;
        }
        PriceSource walk = walks.get(symbol);
        synchronized (walk) {
            walk.step();
            settle(symbol, walk.price());
        }
    }

    /** Sets a symbol's reference price now; the book, resting orders and stop triggers react at once. */
    public void setPrice(String symbol, long price) {
        PriceSource walk = walks.get(symbol);
        if (walk == null) {
            throw new Rejection(Rejection.BAD_SYMBOL, "Invalid symbol.");
        }
        SymbolSpec spec = venue.spec(symbol);
        if (price <= 0 || price % spec.tickSize() != 0) {
            throw Rejection.filter("PRICE_FILTER");
        }
        synchronized (walk) {
            walk.set(price);
            settle(symbol, walk.price());
        }
    }

    /**
     * Withdraw the old quotes, trade with every resting order the reference crossed, quote around the reference: as one
     * operation of the venue, so that no user's order arrives while the book is withdrawn and finds nothing to trade.
     */
    private void settle(String symbol, long reference) {
        SymbolSpec spec = venue.spec(symbol);
        venue.atomically(() -> {
            venue.cancelAll(maker, symbol);
            cross(symbol, Side.SELL, reference);
            cross(symbol, Side.BUY, reference);
            // a trade at the reference makes it the last price, which is what stop orders watch
            touch(symbol, spec, reference);
            quote(symbol, spec, reference);
        });
    }

    /** The simulated taker trades at the reference with every user order priced through it, oldest first. */
    private void cross(String symbol, Side takerSide, long reference) {
        MatchingEngine.Depth depth = venue.depth(symbol, 1000);
        List<MatchingEngine.Level> opposite = takerSide == Side.SELL ? depth.bids() : depth.asks();
        long quantity = 0;
        for (MatchingEngine.Level level : opposite) {
            boolean crossed = takerSide == Side.SELL ? level.price() >= reference : level.price() <= reference;
            if (!crossed) {
                break;
            }
            quantity += level.quantity();
        }
        if (quantity > 0) {
            place(NewOrder.limit(taker, symbol, takerSide, TimeInForce.IOC, reference, quantity));
        }
    }

    /** One minimal trade between the simulated participants at the reference, so the last price follows it. */
    private void touch(String symbol, SymbolSpec spec, long reference) {
        long quantity = minimalQuantity(spec, reference);
        if (venue.lastPrice(symbol) == reference || quantity == 0) {
            return;
        }
        place(new NewOrder(maker, symbol, Side.SELL, OrderType.LIMIT_MAKER, null, reference, 0, quantity, 0, null));
        place(NewOrder.limit(taker, symbol, Side.BUY, TimeInForce.IOC, reference, quantity));
        venue.cancelAll(maker, symbol);
    }

    private void quote(String symbol, SymbolSpec spec, long reference) {
        for (int i = 1; i <= levels; i++) {
            long bid = reference - i * spec.tickSize();
            long ask = reference + i * spec.tickSize();
            long size = Math.max(minimalQuantity(spec, reference) * 100L * i, spec.minQty());
            if (bid > 0) {
                place(new NewOrder(maker, symbol, Side.BUY, OrderType.LIMIT_MAKER, null, bid, 0, size, 0, null));
            }
            place(new NewOrder(maker, symbol, Side.SELL, OrderType.LIMIT_MAKER, null, ask, 0, size, 0, null));
        }
    }

    /** The smallest quantity on the step grid whose notional at {@code price} meets the symbol's minimum. */
    private static long minimalQuantity(SymbolSpec spec, long price) {
        long perStep = spec.notional(price, spec.stepSize());
        long steps = perStep == 0 ? 1 : Math.max(1, (spec.minNotional() + perStep - 1) / perStep);
        return Math.max(spec.minQty(), steps * spec.stepSize());
    }

    private void place(NewOrder order) {
        try {
            venue.place(order);
        } catch (Rejection e) {
            // a quote that would cross a user's order, or a level the filters refuse: skip it this step
        }
    }
}
