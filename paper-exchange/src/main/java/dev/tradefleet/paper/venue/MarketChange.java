package dev.tradefleet.paper.venue;

import dev.tradefleet.paper.matching.Fill;
import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.OrderView;
import dev.tradefleet.paper.matching.SymbolSpec;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one operation changed, captured under the venue's lock so that it can be told to the streams after the
 * lock is released: the trades, the orders touched, and the views that only watchers need (null or empty when
 * nobody watches): the top of book, the depth, the current minute's candle, the order lists and balances of
 * the accounts that listen.
 */
public record MarketChange(String symbol, SymbolSpec spec, long firstUpdateId, long lastUpdateId, OrderView order,
                           List<Fill> fills, List<OrderView> updates, MatchingEngine.Depth top, MatchingEngine.Depth depth,
                           Candles.Candle minute, List<MatchingEngine.ListView> lists, Map<Long, Map<String, long[]>> balances) {

    /** Each order touched, in its latest state (the placed order first). */
    public Collection<OrderView> latestOrders() {
        return latest(order, updates).values();
    }

    static Map<Long, OrderView> latest(OrderView order, List<OrderView> updates) {
        Map<Long, OrderView> latest = new LinkedHashMap<>();
        if (order != null) {
            latest.put(order.orderId(), order);
        }
        for (OrderView update : updates) {
            latest.put(update.orderId(), update);
        }
        return latest;
    }
}
