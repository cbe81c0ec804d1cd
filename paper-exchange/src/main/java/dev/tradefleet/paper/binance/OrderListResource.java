package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.NewOco;
import dev.tradefleet.paper.matching.OrderType;
import dev.tradefleet.paper.matching.OrderView;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binance Spot v3 order lists: OCO ({@code orderList/oco}), query, cancel, open lists. */
@Path("/api/v3")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
public class OrderListResource {

    @Inject
    Venue venue;
    @Inject
    SignedRequests signed;

    @POST
    @Path("/orderList/oco")
    public Map<String, Object> newOco(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verify(request, body);
        Params p = s.params();
        String symbol = p.required("symbol");
        Side side = p.enumValue("side", Side.class, -1117, "Invalid side.");
        long quantity = p.units("quantity");
        if (quantity == 0) {
            throw BinanceException.mandatory("quantity");
        }
        MatchingEngine.OcoResult result = venue.placeOco(new NewOco(s.account(), symbol, side, quantity, leg(p, "above"),
                leg(p, "below"), p.optional("listClientOrderId")));
        MatchingEngine.ListView list = venue.orderList(s.account(), result.orderListId(), null);
        Map<String, Object> json = listJson(list);
        json.put("orderReports", result.orders().stream().map(BinanceJson::order).toList());
        return json;
    }

    @GET
    @Path("/orderList")
    public Map<String, Object> orderList(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        Params p = s.params();
        if (p.optional("orderListId") == null && p.optional("origClientOrderId") == null) {
            throw BinanceException.badRequest(-1102, "Param 'origClientOrderId' or 'orderListId' must be sent, but both were empty/null!");
        }
        return listJson(venue.orderList(s.account(), p.longValue("orderListId", 0), p.optional("origClientOrderId")));
    }

    @DELETE
    @Path("/orderList")
    public Map<String, Object> cancel(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verify(request, body);
        Params p = s.params();
        MatchingEngine.ListView list = venue.cancelOrderList(s.account(), p.required("symbol"), p.longValue("orderListId", 0));
        Map<String, Object> json = listJson(list);
        json.put("orderReports", list.orders().stream().map(BinanceJson::order).toList());
        return json;
    }

    @GET
    @Path("/openOrderList")
    public List<Map<String, Object>> openLists(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        return venue.openOrderLists(s.account()).stream().map(OrderListResource::listJson).toList();
    }

    private static NewOco.Leg leg(Params p, String prefix) {
        OrderType type = p.enumValue(prefix + "Type", OrderType.class, -1116, "Invalid orderType.");
        TimeInForce tif = p.optional(prefix + "TimeInForce") == null ? null
                : p.enumValue(prefix + "TimeInForce", TimeInForce.class, -1115, "Invalid timeInForce.");
        if (type.isStop() && p.optional(prefix + "StopPrice") == null) {
            throw BinanceException.mandatory(prefix + "StopPrice");
        }
        if (p.optional(prefix + "Price") == null) {
            throw BinanceException.mandatory(prefix + "Price");
        }
        return new NewOco.Leg(type, p.units(prefix + "Price"), p.units(prefix + "StopPrice"), tif, p.optional(prefix + "ClientOrderId"));
    }

    static Map<String, Object> listJson(MatchingEngine.ListView list) {
        Map<String, Object> json = new LinkedHashMap<>();
        boolean done = list.done();
        json.put("orderListId", list.orderListId());
        json.put("contingencyType", "OCO");
        json.put("listStatusType", done ? "ALL_DONE" : "EXEC_STARTED");
        json.put("listOrderStatus", done ? "ALL_DONE" : "EXECUTING");
        json.put("listClientOrderId", list.listClientOrderId());
        json.put("transactionTime", list.orders().stream().mapToLong(OrderView::updateTime).max().orElse(0));
        json.put("symbol", list.symbol());
        json.put("orders", list.orders().stream().map(o -> Map.of("symbol", o.symbol(), "orderId", o.orderId(),
                "clientOrderId", o.clientOrderId())).toList());
        return json;
    }
}
