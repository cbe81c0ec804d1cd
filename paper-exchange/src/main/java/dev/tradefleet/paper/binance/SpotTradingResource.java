package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.NewOrder;
import dev.tradefleet.paper.matching.OrderType;
import dev.tradefleet.paper.matching.Side;
import dev.tradefleet.paper.matching.TimeInForce;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.venue.PaperConfig;
import dev.tradefleet.paper.venue.Venue;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binance Spot v3 SIGNED trading and account endpoints. Parameters may come in the query string or the form body. */
@Path("/api/v3")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
public class SpotTradingResource {

    @Inject
    Venue venue;
    @Inject
    SignedRequests signed;
    @Inject
    PaperConfig config;

    @POST
    @Path("/order")
    public Map<String, Object> newOrder(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verify(request, body);
        Params p = s.params();
        String symbol = p.required("symbol");
        Side side = p.enumValue("side", Side.class, -1117, "Invalid side.");
        OrderType type = p.enumValue("type", OrderType.class, -1116, "Invalid orderType.");
        TimeInForce tif = p.optional("timeInForce") == null ? null
                : p.enumValue("timeInForce", TimeInForce.class, -1115, "Invalid timeInForce.");
        if ((type == OrderType.LIMIT || type.isStop()) && tif == null) {
            throw BinanceException.mandatory("timeInForce");
        }
        if (type != OrderType.MARKET && p.optional("price") == null) {
            throw BinanceException.mandatory("price");
        }
        if (type.isStop() && p.optional("stopPrice") == null) {
            throw BinanceException.mandatory("stopPrice");
        }
        if (type != OrderType.MARKET && p.optional("quantity") == null) {
            throw BinanceException.mandatory("quantity");
        }
        MatchingEngine.Result result = venue.place(new NewOrder(s.account(), symbol, side, type, tif, p.units("price"),
                p.units("stopPrice"), p.units("quantity"), p.units("quoteOrderQty"), p.optional("newClientOrderId")));
        String responseType = p.optional("newOrderRespType");
        if ("ACK".equals(responseType)) {
            return Map.of("symbol", symbol, "orderId", result.order().orderId(), "orderListId", -1,
                    "clientOrderId", result.order().clientOrderId(), "transactTime", result.order().time());
        }
        return BinanceJson.newOrder(result.order(), result.fills(), venue.spec(symbol));
    }

    @GET
    @Path("/order")
    public Map<String, Object> queryOrder(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        Params p = s.params();
        p.requireOrderReference();
        return BinanceJson.order(venue.order(s.account(), p.required("symbol"), p.longValue("orderId", 0),
                p.optional("origClientOrderId")));
    }

    @DELETE
    @Path("/order")
    public Map<String, Object> cancelOrder(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verify(request, body);
        Params p = s.params();
        p.requireOrderReference();
        MatchingEngine.Result result = venue.cancel(s.account(), p.required("symbol"), p.longValue("orderId", 0),
                p.optional("origClientOrderId"));
        Map<String, Object> json = BinanceJson.order(result.order());
        json.put("origClientOrderId", result.order().clientOrderId());
        return json;
    }

    @GET
    @Path("/openOrders")
    public List<Map<String, Object>> openOrders(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        String symbol = s.params().optional("symbol");
        if (symbol != null) {
            venue.spec(symbol);
        }
        return venue.openOrders(s.account(), symbol).stream().map(BinanceJson::order).toList();
    }

    @DELETE
    @Path("/openOrders")
    public List<Map<String, Object>> cancelOpenOrders(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verify(request, body);
        return venue.cancelAll(s.account(), s.params().required("symbol")).stream().map(BinanceJson::order).toList();
    }

    @GET
    @Path("/allOrders")
    public List<Map<String, Object>> allOrders(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        Params p = s.params();
        int limit = p.limit(500, 1000);
        return venue.orders(s.account(), p.required("symbol"), p.longValue("orderId", 0), limit).stream()
                .map(BinanceJson::order).toList();
    }

    @GET
    @Path("/myTrades")
    public List<Map<String, Object>> myTrades(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        String symbol = s.params().required("symbol");
        int limit = s.params().limit(500, 1000);
        long orderId = s.params().longValue("orderId", -1);
        long fromId = s.params().longValue("fromId", -1);
        // the account's trades of the symbol (or of one order), oldest first: from fromId on when given, else the latest
        List<Map<String, Object>> trades = venue.accountTrades(s.account(), symbol, Integer.MAX_VALUE).stream()
                .filter(f -> (fromId < 0 || f.tradeId() >= fromId) && (orderId < 0 || f.orderIdOf(s.account()) == orderId))
                .map(f -> BinanceJson.myTrade(f, s.account(), venue.spec(symbol))).toList();
        return fromId >= 0 ? trades.subList(0, Math.min(limit, trades.size()))
                : trades.subList(Math.max(0, trades.size() - limit), trades.size());
    }

    @GET
    @Path("/account")
    public Map<String, Object> account(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("makerCommission", config.makerFeePpm() / 100);
        json.put("takerCommission", config.takerFeePpm() / 100);
        json.put("buyerCommission", 0);
        json.put("sellerCommission", 0);
        json.put("commissionRates", Map.of(
                "maker", Units.format(config.makerFeePpm() * 100), "taker", Units.format(config.takerFeePpm() * 100),
                "buyer", Units.format(0), "seller", Units.format(0)));
        json.put("canTrade", true);
        json.put("canWithdraw", false);
        json.put("canDeposit", false);
        json.put("brokered", false);
        json.put("requireSelfTradePrevention", false);
        json.put("preventSor", false);
        json.put("updateTime", System.currentTimeMillis());
        json.put("accountType", "SPOT");
        json.put("balances", BinanceJson.balances(venue.balances(s.account())));
        json.put("permissions", List.of("SPOT"));
        json.put("uid", s.account());
        return json;
    }
}
