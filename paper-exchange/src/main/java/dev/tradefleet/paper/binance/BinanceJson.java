package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.matching.Fill;
import dev.tradefleet.paper.matching.OrderStatus;
import dev.tradefleet.paper.matching.OrderView;
import dev.tradefleet.paper.matching.Side;
import dev.tradefleet.paper.matching.SymbolSpec;
import dev.tradefleet.paper.matching.Units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of Binance Spot API v3, field for field; decimals as strings with 8 places. */
public final class BinanceJson {

    private BinanceJson() {
    }

    public static Map<String, Object> order(OrderView o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", o.symbol());
        json.put("orderId", o.orderId());
        json.put("orderListId", o.orderListId());
        json.put("clientOrderId", o.clientOrderId());
        json.put("price", Units.format(o.price()));
        json.put("origQty", Units.format(o.origQty()));
        json.put("executedQty", Units.format(o.executedQty()));
        json.put("cummulativeQuoteQty", Units.format(o.cumulativeQuoteQty()));
        json.put("status", o.status().name());
        json.put("timeInForce", o.timeInForce().name());
        json.put("type", o.type().name());
        json.put("side", o.side().name());
        json.put("stopPrice", Units.format(o.stopPrice()));
        json.put("time", o.time());
        json.put("updateTime", o.updateTime());
        json.put("isWorking", o.status() == OrderStatus.NEW || o.status() == OrderStatus.PARTIALLY_FILLED);
        json.put("workingTime", o.time());
        json.put("origQuoteOrderQty", Units.format(o.origQuoteOrderQty()));
        json.put("selfTradePreventionMode", "EXPIRE_TAKER");
        return json;
    }

    /** The answer to a new order (newOrderRespType FULL): the order as it stands and the fills it made. */
    public static Map<String, Object> newOrder(OrderView o, List<Fill> fills, SymbolSpec spec) {
        Map<String, Object> json = order(o);
        json.remove("time");
        json.remove("updateTime");
        json.remove("isWorking");
        json.put("transactTime", o.updateTime());
        json.put("fills", fills.stream().filter(f -> f.takerOrderId() == o.orderId()).map(f -> {
            Map<String, Object> fill = new LinkedHashMap<>();
            boolean buyer = o.side() == Side.BUY;
            fill.put("price", Units.format(f.price()));
            fill.put("qty", Units.format(f.quantity()));
            fill.put("commission", Units.format(buyer ? f.buyerCommission() : f.sellerCommission()));
            fill.put("commissionAsset", buyer ? spec.baseAsset() : spec.quoteAsset());
            fill.put("tradeId", f.tradeId());
            return fill;
        }).toList());
        return json;
    }

    /** A public trade, as {@code /api/v3/trades} lists it. */
    public static Map<String, Object> trade(Fill f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.tradeId());
        json.put("price", Units.format(f.price()));
        json.put("qty", Units.format(f.quantity()));
        json.put("quoteQty", Units.format(f.quoteQuantity()));
        json.put("time", f.time());
        json.put("isBuyerMaker", f.buyerIsMaker());
        json.put("isBestMatch", true);
        return json;
    }

    /** One of the caller's trades, as {@code /api/v3/myTrades} lists it. */
    public static Map<String, Object> myTrade(Fill f, long account, SymbolSpec spec) {
        boolean buyer = f.buyerAccount() == account;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", f.symbol());
        json.put("id", f.tradeId());
        json.put("orderId", f.orderIdOf(account));
        json.put("orderListId", -1);
        json.put("price", Units.format(f.price()));
        json.put("qty", Units.format(f.quantity()));
        json.put("quoteQty", Units.format(f.quoteQuantity()));
        json.put("commission", Units.format(buyer ? f.buyerCommission() : f.sellerCommission()));
        json.put("commissionAsset", buyer ? spec.baseAsset() : spec.quoteAsset());
        json.put("time", f.time());
        json.put("isBuyer", buyer);
        json.put("isMaker", buyer == f.buyerIsMaker());
        json.put("isBestMatch", true);
        return json;
    }

    /** An account's balances (asset to free and locked units), by asset. */
    public static List<Map<String, Object>> balances(Map<String, long[]> balances) {
        return balances.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> Map.<String, Object>of(
                "asset", e.getKey(), "free", Units.format(e.getValue()[0]), "locked", Units.format(e.getValue()[1]))).toList();
    }

    public static Map<String, Object> symbol(SymbolSpec s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", s.symbol());
        json.put("status", "TRADING");
        json.put("baseAsset", s.baseAsset());
        json.put("baseAssetPrecision", Units.SCALE);
        json.put("quoteAsset", s.quoteAsset());
        json.put("quotePrecision", Units.SCALE);
        json.put("quoteAssetPrecision", Units.SCALE);
        json.put("baseCommissionPrecision", Units.SCALE);
        json.put("quoteCommissionPrecision", Units.SCALE);
        json.put("orderTypes", List.of("LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"));
        json.put("icebergAllowed", false);
        json.put("ocoAllowed", true);
        json.put("otoAllowed", false);
        json.put("quoteOrderQtyMarketAllowed", true);
        json.put("allowTrailingStop", false);
        json.put("cancelReplaceAllowed", false);
        json.put("isSpotTradingAllowed", true);
        json.put("isMarginTradingAllowed", false);
        json.put("filters", List.of(
                Map.of("filterType", "PRICE_FILTER", "minPrice", Units.format(s.minPrice()), "maxPrice", Units.format(s.maxPrice()),
                        "tickSize", Units.format(s.tickSize())),
                Map.of("filterType", "LOT_SIZE", "minQty", Units.format(s.minQty()), "maxQty", Units.format(s.maxQty()),
                        "stepSize", Units.format(s.stepSize())),
                Map.of("filterType", "NOTIONAL", "minNotional", Units.format(s.minNotional()), "applyMinToMarket", true,
                        "maxNotional", "9000000.00000000", "applyMaxToMarket", false, "avgPriceMins", 5)));
        json.put("permissions", List.of());
        json.put("permissionSets", List.of(List.of("SPOT")));
        json.put("defaultSelfTradePreventionMode", "EXPIRE_TAKER");
        json.put("allowedSelfTradePreventionModes", List.of("EXPIRE_TAKER"));
        return json;
    }
}
