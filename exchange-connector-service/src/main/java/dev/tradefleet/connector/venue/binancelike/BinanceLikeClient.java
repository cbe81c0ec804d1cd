package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.Blocking;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.Balance;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.PollingUserStream;
import dev.tradefleet.connector.venue.UserStream;
import dev.tradefleet.connector.venue.VenueClient;
import dev.tradefleet.connector.venue.VenueOrder;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.connector.venue.VenueWallet;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.PlaceOco;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * One account on a venue that speaks Binance's Spot v3 REST dialect (Binance itself, MEXC v3, the paper
 * exchange): its SIGNED calls, answers turned into the fleet's terms. What differs between the venues is their
 * {@link Dialect}; how answers are sorted (rejection, "not now", ambiguous) is {@link BinanceLikeHttp}'s.
 */
public final class BinanceLikeClient implements VenueClient {

    /** The limit a venue-wide usage header (Binance's {@code X-MBX-USED-WEIGHT-1M}) reports. */
    public static final String WEIGHT_LIMIT = BinanceLikeHttp.WEIGHT_LIMIT;

    private final Dialect dialect;
    private final BinanceLikeHttp http;
    private final String account;
    private final Function<UserStream.Listener, UserStream> streams;
    private final VenueWallet wallet;

    public BinanceLikeClient(Dialect dialect, URI baseUrl, String apiKey, String secret, String account, VenueLimiter limiter, HttpClient http,
                             Clock clock, Duration timeout) {
        this(dialect, baseUrl, null, apiKey, secret, account, limiter, http, clock, timeout, null, null);
    }

    /**
     * With a {@code scheduler}, the account's executions can be followed: over the venue's user data stream when it
     * has one at {@code wsUrl}, else by asking every {@code pollInterval}.
     */
    public BinanceLikeClient(Dialect dialect, URI baseUrl, URI wsUrl, String apiKey, String secret, String account, VenueLimiter limiter,
                             HttpClient http, Clock clock, Duration timeout, ScheduledExecutorService scheduler, Duration pollInterval) {
        this.dialect = dialect;
        this.account = account;
        this.http = new BinanceLikeHttp(dialect, baseUrl, limiter, http, clock, timeout).signedAs(apiKey, secret);
        this.wallet = new BinanceLikeWallet(dialect.walletApi(), this.http, account, clock);
        this.streams = scheduler != null && wsUrl != null && dialect.userStreamOverWebSocketApi()
                ? listener -> new BinanceLikeUserStream(wsUrl, apiKey, secret, http, clock, scheduler, listener).start()
                : PollingUserStream.asking(scheduler, pollInterval);
    }

    @Override
    public UserStream openUserStream(UserStream.Listener listener) {
        return streams.apply(listener);
    }

    @Override
    public Set<Capability> capabilities() {
        return dialect.capabilities();
    }

    @Override
    public CompletionStage<VenueOrder> place(PlaceOrder order, String clientOrderId, Instant recordedAt) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", order.symbol());
        params.put("side", order.side().name());
        String type = dialect.orderType(order);
        if (type == null) {
            return CompletableFuture.failedFuture(new VenueRejection("unsupported-order",
                    dialect.venue() + " has no native " + order.kind() + " " + order.timeInForce() + " order"));
        }
        params.put("type", type);
        if (dialect.takesTimeInForce(type)) {
            params.put("timeInForce", order.timeInForce().name());
        }
        put(params, "quantity", order.quantity());
        put(params, "quoteOrderQty", order.quoteQuantity());
        put(params, "price", order.price());
        put(params, "stopPrice", order.stopPrice());
        params.put("newClientOrderId", clientOrderId);
        params.putAll(dialect.extraOrderParams());
        // MEXC's answer names the order by its own id only: the client order id is the one we sent
        return http.signed("POST", "/api/v3/order", params, VenueRequest.place(account, 1), recordedAt).thenApply(json -> {
            VenueOrder placed = order(json);
            return placed.clientOrderId().isEmpty() ? new VenueOrder(placed.symbol(), clientOrderId, placed.venueOrderId(), placed.status(),
                    placed.executedQuantity(), placed.cumulativeQuoteQuantity()) : placed;
        });
    }

    /**
     * {@code POST /api/v3/orderList/oco} (not the deprecated {@code order/oco}): the take profit is a LIMIT_MAKER,
     * the stop loss a STOP_LOSS_LIMIT; for a SELL the take profit is the leg above the market, for a BUY below.
     */
    @Override
    public CompletionStage<List<VenueOrder>> placeOco(PlaceOco oco, String listClientOrderId, String takeProfitClientOrderId,
                                                      String stopLossClientOrderId, Instant recordedAt) {
        if (!dialect.capabilities().contains(Capability.OCO)) {
            return CompletableFuture.failedFuture(new VenueRejection("unsupported-order", dialect.venue() + " has no native OCO order"));
        }
        boolean sell = oco.side() == OrderSide.SELL;
        String takeProfit = sell ? "above" : "below";
        String stopLoss = sell ? "below" : "above";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", oco.symbol());
        params.put("side", oco.side().name());
        params.put("quantity", oco.quantity().toPlainString());
        params.put("listClientOrderId", listClientOrderId);
        params.put(takeProfit + "Type", "LIMIT_MAKER");
        params.put(takeProfit + "Price", oco.limitPrice().toPlainString());
        params.put(takeProfit + "ClientOrderId", takeProfitClientOrderId);
        params.put(stopLoss + "Type", "STOP_LOSS_LIMIT");
        params.put(stopLoss + "StopPrice", oco.stopPrice().toPlainString());
        params.put(stopLoss + "Price", oco.stopLimitPrice().toPlainString());
        params.put(stopLoss + "TimeInForce", "GTC");
        params.put(stopLoss + "ClientOrderId", stopLossClientOrderId);
        params.put("newOrderRespType", "RESULT");
        return http.signed("POST", "/api/v3/orderList/oco", params, VenueRequest.place(account, 1), recordedAt).thenApply(json -> {
            return orders(json.path("orderReports"));
        });
    }

    @Override
    public CompletionStage<VenueOrder> cancel(String symbol, String clientOrderId) {
        return http.signed("DELETE", "/api/v3/order", Map.of("symbol", symbol, "origClientOrderId", clientOrderId),
                VenueRequest.cancel(account, 1)).thenApply(BinanceLikeClient::order);
    }

    @Override
    public CompletionStage<List<VenueOrder>> cancelAll(String symbol) {
        return http.signed("DELETE", "/api/v3/openOrders", Map.of("symbol", symbol), VenueRequest.cancel(account, 1)).thenApply(json -> {
            List<VenueOrder> cancelled = new ArrayList<>();
            for (JsonNode entry : json) {
                if (entry.has("clientOrderId")) {
                    cancelled.add(order(entry));
                } else {
                    // an order list (OCO) reports its legs inside
                    cancelled.addAll(orders(entry.path("orderReports")));
                }
            }
            return cancelled;
        });
    }

    @Override
    public CompletionStage<VenueOrder> find(String symbol, String clientOrderId) {
        return http.signed("GET", "/api/v3/order", Map.of("symbol", symbol, "origClientOrderId", clientOrderId),
                VenueRequest.accountRead(account, 4)).thenApply(BinanceLikeClient::order);
    }

    /**
     * One call for every symbol where the venue allows it and it costs less than asking symbol by symbol (Binance: 80
     * against 6 a symbol), else one call per symbol.
     */
    @Override
    public CompletionStage<List<VenueOrder>> openOrders(Set<String> symbols) {
        if (!dialect.openOrdersNeedSymbol() && symbols.size() * dialect.openOrdersWeight(false) >= dialect.openOrdersWeight(true)) {
            return http.signed("GET", "/api/v3/openOrders", Map.of(), VenueRequest.accountRead(account, dialect.openOrdersWeight(true)))
                    .thenApply(BinanceLikeClient::orders);
        }
        CompletableFuture<List<VenueOrder>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (String symbol : symbols) {
            // a symbol the venue refuses (delisted, say) leaves its orders to be asked for one by one, not the others
            all = all.thenCompose(open -> http.signed("GET", "/api/v3/openOrders", Map.of("symbol", symbol),
                            VenueRequest.accountRead(account, dialect.openOrdersWeight(false)))
                    .handle((json, failure) -> {
                        if (failure == null) {
                            open.addAll(orders(json));
                        } else if (!(Blocking.cause(failure) instanceof VenueRejection)) {
                            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                        }
                        return open;
                    }));
        }
        return all;
    }

    @Override
    public CompletionStage<List<VenueTrade>> trades(String symbol, String venueOrderId) {
        Map<String, String> first = dialect.pagesTradesById() ? Map.of("fromId", "0") : Map.of();
        return trades(symbol, venueOrderId, first, new LinkedHashMap<>()).thenApply(read -> read.values().stream()
                .sorted(Comparator.comparing(VenueTrade::time)).toList());
    }

    /**
     * The order's trades answer by answer until an answer is not full or brings nothing new: on a venue that reads on
     * from a trade id, from the id after the last one read; on one that does not (MEXC, whose answers are the most
     * recent trades), back from the earliest one read ({@code endTime}, inclusive: repeats are dropped by id).
     */
    private CompletionStage<Map<String, VenueTrade>> trades(String symbol, String venueOrderId, Map<String, String> cursor,
                                                            Map<String, VenueTrade> read) {
        int limit = dialect.tradesPerAnswer();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        params.put("orderId", venueOrderId);
        params.putAll(cursor);
        params.put("limit", String.valueOf(limit));
        return http.signed("GET", "/api/v3/myTrades", params, VenueRequest.accountRead(account, 5)).thenCompose(json -> {
            List<VenueTrade> answer = new ArrayList<>();
            for (JsonNode trade : json) {
                answer.add(new VenueTrade(trade.path("id").asText(), trade.path("orderId").asText(),
                        new BigDecimal(trade.path("price").asText()), new BigDecimal(trade.path("qty").asText()),
                        new BigDecimal(trade.path("quoteQty").asText()), new BigDecimal(trade.path("commission").asText("0")),
                        trade.path("commissionAsset").asText(), trade.path("isMaker").asBoolean(),
                        Instant.ofEpochMilli(trade.path("time").asLong())));
            }
            // a venue that ignored the cursor answers what was read already: nothing new ends the reading
            boolean news = false;
            for (VenueTrade trade : answer) {
                news |= read.putIfAbsent(trade.tradeId(), trade) == null;
            }
            Map<String, String> next = answer.size() < limit || !news ? null : nextPage(answer);
            return next == null ? CompletableFuture.completedFuture(read) : trades(symbol, venueOrderId, next, read);
        });
    }

    private Map<String, String> nextPage(List<VenueTrade> answer) {
        if (!dialect.pagesTradesById()) {
            Instant earliest = answer.stream().map(VenueTrade::time).min(Comparator.naturalOrder()).orElseThrow();
            return Map.of("endTime", String.valueOf(earliest.toEpochMilli()));
        }
        try {
            long last = answer.stream().mapToLong(trade -> Long.parseLong(trade.tradeId())).max().orElseThrow();
            return Map.of("fromId", String.valueOf(last + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public Duration receiveWindow() {
        return BinanceLikeHttp.RECEIVE_WINDOW;
    }

    @Override
    public CompletionStage<List<Balance>> balances() {
        return http.signed("GET", "/api/v3/account", dialect.accountParams(), VenueRequest.accountRead(account, 20))
                .thenApply(json -> {
                    List<Balance> balances = new ArrayList<>();
                    for (JsonNode balance : json.path("balances")) {
                        balances.add(new Balance(balance.path("asset").asText(), new BigDecimal(balance.path("free").asText("0")),
                                new BigDecimal(balance.path("locked").asText("0"))));
                    }
                    return balances;
                });
    }

    @Override
    public VenueWallet wallet() {
        return wallet;
    }

    private static void put(Map<String, String> params, String name, BigDecimal value) {
        if (value != null) {
            params.put(name, value.toPlainString());
        }
    }

    private static List<VenueOrder> orders(JsonNode array) {
        List<VenueOrder> orders = new ArrayList<>();
        array.forEach(order -> orders.add(order(order)));
        return orders;
    }

    /** An order as the venue answers it; a cancel's answer names the order by {@code origClientOrderId}. */
    static VenueOrder order(JsonNode json) {
        // MEXC may answer "clientOrderId": null; it must not become the id "null"
        String clientOrderId = json.hasNonNull("origClientOrderId") ? json.path("origClientOrderId").asText()
                : json.hasNonNull("clientOrderId") ? json.path("clientOrderId").asText() : "";
        return new VenueOrder(json.path("symbol").asText(), clientOrderId, json.path("orderId").asText(),
                status(json.path("status").asText()), new BigDecimal(json.path("executedQty").asText("0")),
                new BigDecimal(json.path("cummulativeQuoteQty").asText("0")));
    }

    /** The venue's order status in the fleet's terms (NEW and PENDING_NEW are accepted). */
    static OrderStatus status(String venueStatus) {
        return switch (venueStatus) {
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED", "PARTIALLY_CANCELED" -> OrderStatus.CANCELLED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            case "REJECTED" -> OrderStatus.REJECTED;
            default -> OrderStatus.ACCEPTED;
        };
    }

}
