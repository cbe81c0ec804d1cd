package dev.tradefleet.paper.mexc;

import dev.tradefleet.paper.binance.BinanceJson;
import dev.tradefleet.paper.binance.BinanceException;
import dev.tradefleet.paper.matching.Fill;
import dev.tradefleet.paper.matching.OrderType;
import dev.tradefleet.paper.matching.OrderView;
import dev.tradefleet.paper.matching.SymbolSpec;
import dev.tradefleet.paper.matching.TimeInForce;
import dev.tradefleet.paper.matching.Units;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of MEXC Spot v3: Binance's, with MEXC's order ids (strings), order types (IOC and FOK are types,
 * not a time in force), statuses ({@code PARTIALLY_CANCELED}, no {@code EXPIRED}) and symbol rules (precisions and
 * minimums instead of filters).
 */
final class MexcJson {

    /** MEXC's order ids are opaque strings; ours carry the engine's number after a fixed prefix. */
    private static final String ORDER_ID_PREFIX = "C02__";

    private MexcJson() {
    }

    static String orderId(long engineId) {
        return ORDER_ID_PREFIX + engineId;
    }

    /** The engine's id of an order id the caller sent; an id we never gave names no order. */
    static long engineId(String orderId) {
        if (orderId == null) {
            return 0;
        }
        if (!orderId.startsWith(ORDER_ID_PREFIX) || !orderId.substring(ORDER_ID_PREFIX.length()).matches("[1-9][0-9]{0,17}")) {
            throw BinanceException.badRequest(-2013, "Order does not exist.");
        }
        return Long.parseLong(orderId.substring(ORDER_ID_PREFIX.length()));
    }

    /** Binance's order with MEXC's id, status, type, no time in force and no Binance-only fields. */
    static Map<String, Object> order(OrderView o) {
        Map<String, Object> json = BinanceJson.order(o);
        json.put("orderId", orderId(o.orderId()));
        json.put("orderListId", -1);
        json.put("status", status(o));
        json.put("timeInForce", null);
        json.put("type", type(o.type(), o.timeInForce()));
        json.put("stopPrice", Units.format(0));
        json.put("icebergQty", Units.format(0));
        json.remove("workingTime");
        json.remove("selfTradePreventionMode");
        return json;
    }

    /** The answer to a new order: the order as sent, no status and no fills (they are read afterwards). */
    static Map<String, Object> newOrder(OrderView o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", o.symbol());
        json.put("orderId", orderId(o.orderId()));
        json.put("orderListId", -1);
        json.put("price", Units.format(o.price()));
        json.put("origQty", Units.format(o.origQty()));
        json.put("type", type(o.type(), o.timeInForce()));
        json.put("side", o.side().name());
        json.put("stpMode", "");
        json.put("transactTime", o.time());
        return json;
    }

    /** A cancelled order, as {@code DELETE /api/v3/order} and {@code /openOrders} answer it. */
    static Map<String, Object> cancelled(OrderView o) {
        Map<String, Object> json = order(o);
        json.put("origClientOrderId", o.clientOrderId());
        return json;
    }

    static Map<String, Object> myTrade(Fill f, long account, SymbolSpec spec) {
        Map<String, Object> json = BinanceJson.myTrade(f, account, spec);
        json.put("id", String.valueOf(f.tradeId()));
        json.put("orderId", orderId(((Number) json.get("orderId")).longValue()));
        json.put("isSelfTrade", f.buyerAccount() == f.sellerAccount());
        json.put("clientOrderId", null);
        return json;
    }

    /** A symbol's rules: decimal places of price and quantity, the smallest quantity and the smallest order amount. */
    static Map<String, Object> symbol(SymbolSpec s, long makerFeePpm, long takerFeePpm) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", s.symbol());
        json.put("status", "1");
        json.put("baseAsset", s.baseAsset());
        json.put("baseAssetPrecision", decimals(s.stepSize()));
        json.put("quoteAsset", s.quoteAsset());
        json.put("quotePrecision", decimals(s.tickSize()));
        json.put("quoteAssetPrecision", decimals(s.tickSize()));
        json.put("baseCommissionPrecision", decimals(s.stepSize()));
        json.put("quoteCommissionPrecision", decimals(s.tickSize()));
        json.put("orderTypes", List.of("LIMIT", "MARKET", "LIMIT_MAKER"));
        json.put("quoteOrderQtyMarketAllowed", true);
        json.put("isSpotTradingAllowed", true);
        json.put("isMarginTradingAllowed", false);
        json.put("quoteAmountPrecision", plain(s.minNotional()));
        json.put("baseSizePrecision", plain(s.minQty()));
        json.put("permissions", List.of("SPOT"));
        json.put("filters", List.of());
        json.put("maxQuoteAmount", "2000000");
        json.put("makerCommission", plain(makerFeePpm * 100));
        json.put("takerCommission", plain(takerFeePpm * 100));
        json.put("quoteAmountPrecisionMarket", plain(s.minNotional()));
        json.put("maxQuoteAmountMarket", "100000");
        json.put("fullName", s.baseAsset());
        json.put("tradeSideType", 1);
        return json;
    }

    /** IOC and FOK limit orders show as MEXC's own types. */
    private static String type(OrderType type, TimeInForce tif) {
        if (type == OrderType.LIMIT && tif == TimeInForce.IOC) {
            return "IMMEDIATE_OR_CANCEL";
        }
        if (type == OrderType.LIMIT && tif == TimeInForce.FOK) {
            return "FILL_OR_KILL";
        }
        return type.name();
    }

    /** MEXC has no EXPIRED: what ends unfilled is CANCELED, and PARTIALLY_CANCELED when some of it traded. */
    private static String status(OrderView o) {
        return switch (o.status()) {
            case NEW, PARTIALLY_FILLED, FILLED -> o.status().name();
            case REJECTED -> "CANCELED";
            case CANCELED, EXPIRED, EXPIRED_IN_MATCH -> o.executedQty() > 0 ? "PARTIALLY_CANCELED" : "CANCELED";
        };
    }

    private static int decimals(long units) {
        return Math.max(0, Units.toDecimal(units).stripTrailingZeros().scale());
    }

    private static String plain(long units) {
        BigDecimal value = Units.toDecimal(units).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
