package dev.tradefleet.paper.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/** One symbol: bids high to low, asks low to high, stop orders waiting for the last price, and that price. */
final class OrderBook {

    final SymbolSpec spec;
    final TreeMap<Long, PriceLevel> bids = new TreeMap<>(Collections.reverseOrder());
    final TreeMap<Long, PriceLevel> asks = new TreeMap<>();
    final List<Order> stops = new ArrayList<>();
    long lastPrice;

    OrderBook(SymbolSpec spec) {
        this.spec = spec;
    }

    TreeMap<Long, PriceLevel> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    void rest(Order order) {
        side(order.side).computeIfAbsent(order.price, PriceLevel::new).append(order);
    }

    void unrest(Order order) {
        PriceLevel level = order.level;
        level.remove(order);
        if (level.isEmpty()) {
            side(order.side).remove(level.price);
        }
    }

    /** True when a limit order at {@code price} on {@code side} would trade on arrival. */
    boolean crosses(Side side, long price) {
        var best = side(side.opposite()).firstEntry();
        return best != null && (side == Side.BUY ? price >= best.getKey() : price <= best.getKey());
    }

    /** Binance: STOP_LOSS sells at last ≤ stop and buys at last ≥ stop; TAKE_PROFIT the other way round. */
    static boolean triggers(OrderType type, Side side, long stopPrice, long lastPrice) {
        boolean sellsOnDrop = (type == OrderType.STOP_LOSS_LIMIT) == (side == Side.SELL);
        return sellsOnDrop ? lastPrice <= stopPrice : lastPrice >= stopPrice;
    }
}
