package dev.tradefleet.paper.mexc;

import dev.tradefleet.paper.binance.BinanceException;
import dev.tradefleet.paper.binance.BinanceJson;
import dev.tradefleet.paper.binance.Params;
import dev.tradefleet.paper.binance.SignedRequests;
import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.NewOrder;
import dev.tradefleet.paper.matching.OrderType;
import dev.tradefleet.paper.matching.Side;
import dev.tradefleet.paper.matching.TimeInForce;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MEXC Spot v3 SIGNED trading and account endpoints ({@code X-MEXC-APIKEY}, signed as Binance signs), for the
 * accounts of the exchange's MEXC face: no stop orders and no OCO, IOC and FOK as order types, {@code symbol}
 * mandatory for open orders, at most 100 trades an answer.
 */
@Path(MexcApi.PREFIX + "/api/v3")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
public class MexcTradingResource {

    @Inject
    Venue venue;
    @Inject
    SignedRequests signed;

    @POST
    @Path("/order")
    public Map<String, Object> newOrder(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verifyMexc(request, body);
        Params p = s.params();
        String symbol = p.required("symbol");
        Side side = p.enumValue("side", Side.class, -1117, "Invalid side.");
        String type = p.required("type");
        OrderType engineType;
        TimeInForce tif = null;
        switch (type) {
            case "LIMIT" -> {
                engineType = OrderType.LIMIT;
                tif = TimeInForce.GTC;
            }
            case "IMMEDIATE_OR_CANCEL" -> {
                engineType = OrderType.LIMIT;
                tif = TimeInForce.IOC;
            }
            case "FILL_OR_KILL" -> {
                engineType = OrderType.LIMIT;
                tif = TimeInForce.FOK;
            }
            case "LIMIT_MAKER" -> engineType = OrderType.LIMIT_MAKER;
            case "MARKET" -> engineType = OrderType.MARKET;
            default -> throw BinanceException.badRequest(MexcApi.UNSUPPORTED_ORDER_TYPE, "Unsupported order type.");
        }
        if (engineType != OrderType.MARKET) {
            p.required("price");
            p.required("quantity");
        }
        MatchingEngine.Result result = venue.place(new NewOrder(s.account(), symbol, side, engineType, tif, p.units("price"), 0,
                p.units("quantity"), p.units("quoteOrderQty"), p.optional("newClientOrderId")));
        return MexcJson.newOrder(result.order());
    }

    @GET
    @Path("/order")
    public Map<String, Object> queryOrder(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verifyMexc(request, null);
        Params p = s.params();
        p.requireOrderReference();
        return MexcJson.order(venue.order(s.account(), p.required("symbol"), MexcJson.engineId(p.optional("orderId")),
                p.optional("origClientOrderId")));
    }

    @DELETE
    @Path("/order")
    public Map<String, Object> cancelOrder(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verifyMexc(request, body);
        Params p = s.params();
        p.requireOrderReference();
        MatchingEngine.Result result = venue.cancel(s.account(), p.required("symbol"), MexcJson.engineId(p.optional("orderId")),
                p.optional("origClientOrderId"));
        return MexcJson.cancelled(result.order());
    }

    @GET
    @Path("/openOrders")
    public List<Map<String, Object>> openOrders(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verifyMexc(request, null);
        String symbol = s.params().required("symbol");
        venue.spec(symbol);
        return venue.openOrders(s.account(), symbol).stream().map(MexcJson::order).toList();
    }

    /** Up to five symbols, separated by commas. */
    @DELETE
    @Path("/openOrders")
    public List<Map<String, Object>> cancelOpenOrders(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verifyMexc(request, body);
        String[] symbols = s.params().required("symbol").split(",", -1);
        if (symbols.length > 5) {
            throw BinanceException.badRequest(-1100, "Illegal characters found in parameter 'symbol': at most 5 symbols.");
        }
        List<Map<String, Object>> cancelled = new ArrayList<>();
        for (String symbol : symbols) {
            venue.spec(symbol);
        }
        for (String symbol : symbols) {
            venue.cancelAll(s.account(), symbol).forEach(order -> cancelled.add(MexcJson.cancelled(order)));
        }
        return cancelled;
    }

    @GET
    @Path("/allOrders")
    public List<Map<String, Object>> allOrders(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verifyMexc(request, null);
        Params p = s.params();
        return venue.orders(s.account(), p.required("symbol"), 0, p.limit(500, 1000)).stream().map(MexcJson::order).toList();
    }

    @GET
    @Path("/myTrades")
    public List<Map<String, Object>> myTrades(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verifyMexc(request, null);
        String symbol = s.params().required("symbol");
        int limit = s.params().limit(100, 100);
        String orderId = s.params().optional("orderId");
        Long startTime = Params.epochMillis("startTime", s.params().optional("startTime"));
        Long endTime = Params.epochMillis("endTime", s.params().optional("endTime"));
        // the most recent trades in the window (of one order, if named), oldest first
        List<Map<String, Object>> trades = venue.accountTrades(s.account(), symbol, Integer.MAX_VALUE).stream()
                .filter(f -> (startTime == null || f.time() >= startTime) && (endTime == null || f.time() <= endTime)
                        && (orderId == null || orderId.equals(MexcJson.orderId(f.orderIdOf(s.account())))))
                .map(f -> MexcJson.myTrade(f, s.account(), venue.spec(symbol))).toList();
        return trades.subList(Math.max(0, trades.size() - limit), trades.size());
    }

    @GET
    @Path("/account")
    public Map<String, Object> account(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verifyMexc(request, null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("canTrade", true);
        json.put("canWithdraw", false);
        json.put("canDeposit", false);
        json.put("updateTime", null);
        json.put("accountType", "SPOT");
        json.put("balances", BinanceJson.balances(venue.balances(s.account())));
        json.put("permissions", List.of("SPOT"));
        return json;
    }
}
