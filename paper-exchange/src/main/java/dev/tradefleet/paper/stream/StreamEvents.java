package dev.tradefleet.paper.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.paper.matching.Fill;
import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.OrderView;
import dev.tradefleet.paper.matching.SymbolSpec;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.venue.Candles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Binance's WebSocket payloads: market stream events and user data events, field for field. */
public final class StreamEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamEvents() {
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> trade(Fill f) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("e", "trade");
        e.put("E", System.currentTimeMillis());
        e.put("s", f.symbol());
        e.put("t", f.tradeId());
        e.put("p", Units.format(f.price()));
        e.put("q", Units.format(f.quantity()));
        e.put("T", f.time());
        e.put("m", f.buyerIsMaker());
        e.put("M", true);
        return e;
    }

    public static Map<String, Object> bookTicker(String symbol, MatchingEngine.Depth top, long updateId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("u", updateId);
        e.put("s", symbol);
        e.put("b", top.bids().isEmpty() ? Units.format(0) : Units.format(top.bids().get(0).price()));
        e.put("B", top.bids().isEmpty() ? Units.format(0) : Units.format(top.bids().get(0).quantity()));
        e.put("a", top.asks().isEmpty() ? Units.format(0) : Units.format(top.asks().get(0).price()));
        e.put("A", top.asks().isEmpty() ? Units.format(0) : Units.format(top.asks().get(0).quantity()));
        return e;
    }

    /** A diff depth event: the levels whose quantity changed since {@code before} (quantity 0: level gone). */
    public static Map<String, Object> depthUpdate(String symbol, Map<Long, Long> bidsBefore, Map<Long, Long> asksBefore,
                                                  MatchingEngine.Depth now, long firstUpdateId, long lastUpdateId) {
        List<List<String>> bids = diff(bidsBefore, now.bids());
        List<List<String>> asks = diff(asksBefore, now.asks());
        if (bids.isEmpty() && asks.isEmpty()) {
            return null;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("e", "depthUpdate");
        e.put("E", System.currentTimeMillis());
        e.put("s", symbol);
        e.put("U", firstUpdateId);
        e.put("u", lastUpdateId);
        e.put("b", bids);
        e.put("a", asks);
        return e;
    }

    public static Map<Long, Long> levels(List<MatchingEngine.Level> side) {
        Map<Long, Long> map = new HashMap<>();
        side.forEach(l -> map.put(l.price(), l.quantity()));
        return map;
    }

    private static List<List<String>> diff(Map<Long, Long> before, List<MatchingEngine.Level> now) {
        List<List<String>> changed = new ArrayList<>();
        Map<Long, Long> after = levels(now);
        after.forEach((price, qty) -> {
            if (!Objects.equals(before.get(price), qty)) {
                changed.add(List.of(Units.format(price), Units.format(qty)));
            }
        });
        before.keySet().stream().filter(price -> !after.containsKey(price))
                .forEach(price -> changed.add(List.of(Units.format(price), Units.format(0))));
        return changed;
    }

    public static Map<String, Object> kline(String symbol, Candles.Candle c) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("t", c.openTime);
        k.put("T", c.openTime + Candles.MINUTE - 1);
        k.put("s", symbol);
        k.put("i", "1m");
        k.put("f", c.firstTradeId);
        k.put("L", c.lastTradeId);
        k.put("o", Units.format(c.open));
        k.put("c", Units.format(c.close));
        k.put("h", Units.format(c.high));
        k.put("l", Units.format(c.low));
        k.put("v", Units.format(c.volume));
        k.put("n", c.trades);
        k.put("x", false);
        k.put("q", Units.format(c.quoteVolume));
        k.put("V", Units.format(c.takerBuyVolume));
        k.put("Q", Units.format(c.takerBuyQuoteVolume));
        k.put("B", "0");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("e", "kline");
        e.put("E", System.currentTimeMillis());
        e.put("s", symbol);
        e.put("k", k);
        return e;
    }

    /** An executionReport for one order, with the trade that changed it if there was one. */
    public static Map<String, Object> executionReport(OrderView o, Fill fill, SymbolSpec spec, String executionType) {
        boolean buyer = o.side() == dev.tradefleet.paper.matching.Side.BUY;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("e", "executionReport");
        e.put("E", System.currentTimeMillis());
        e.put("s", o.symbol());
        e.put("c", o.clientOrderId());
        e.put("S", o.side().name());
        e.put("o", o.type().name());
        e.put("f", o.timeInForce().name());
        e.put("q", Units.format(o.origQty()));
        e.put("p", Units.format(o.price()));
        e.put("P", Units.format(o.stopPrice()));
        e.put("g", o.orderListId());
        e.put("x", executionType);
        e.put("X", o.status().name());
        e.put("r", "NONE");
        e.put("i", o.orderId());
        e.put("l", Units.format(fill == null ? 0 : fill.quantity()));
        e.put("z", Units.format(o.executedQty()));
        e.put("L", Units.format(fill == null ? 0 : fill.price()));
        e.put("n", Units.format(fill == null ? 0 : buyer ? fill.buyerCommission() : fill.sellerCommission()));
        e.put("N", fill == null ? null : buyer ? spec.baseAsset() : spec.quoteAsset());
        e.put("T", o.updateTime());
        e.put("t", fill == null ? -1 : fill.tradeId());
        e.put("w", !o.status().isFinal());
        e.put("m", fill != null && fill.makerOrderId() == o.orderId());
        e.put("O", o.time());
        e.put("Z", Units.format(o.cumulativeQuoteQty()));
        e.put("Y", Units.format(fill == null ? 0 : fill.quoteQuantity()));
        e.put("Q", Units.format(o.origQuoteOrderQty()));
        return e;
    }

    /** The state of an order list (OCO): started, or all done, with its orders. */
    public static Map<String, Object> listStatus(MatchingEngine.ListView list) {
        boolean done = list.done();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("e", "listStatus");
        e.put("E", System.currentTimeMillis());
        e.put("s", list.symbol());
        e.put("g", list.orderListId());
        e.put("c", "OCO");
        e.put("l", done ? "ALL_DONE" : "EXEC_STARTED");
        e.put("L", done ? "ALL_DONE" : "EXECUTING");
        e.put("r", "NONE");
        e.put("C", list.listClientOrderId());
        e.put("T", list.orders().stream().mapToLong(OrderView::updateTime).max().orElse(0));
        e.put("O", list.orders().stream().map(o -> Map.of("s", o.symbol(), "i", o.orderId(), "c", o.clientOrderId())).toList());
        return e;
    }

    public static Map<String, Object> accountPosition(Map<String, long[]> balances) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("e", "outboundAccountPosition");
        e.put("E", System.currentTimeMillis());
        e.put("u", System.currentTimeMillis());
        e.put("B", balances.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(b -> Map.of("a", b.getKey(), "f", Units.format(b.getValue()[0]), "l", Units.format(b.getValue()[1]))).toList());
        return e;
    }
}
