package dev.tradefleet.connector.venue.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.connector.Blocking;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.Balance;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.OrderNotFound;
import dev.tradefleet.connector.venue.PollingUserStream;
import dev.tradefleet.connector.venue.QuoteMarketVenues;
import dev.tradefleet.connector.venue.UserStream;
import dev.tradefleet.connector.venue.VenueAdapter;
import dev.tradefleet.connector.venue.VenueClient;
import dev.tradefleet.connector.venue.VenueOrder;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.connector.venue.VenueWallet;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.PlaceOco;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TimeInForce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static dev.tradefleet.connector.venue.http.JsonFields.decimalOrZero;

/**
 * One account on Gate.io's v4 spot API. Orders answer with their full state; a market buy is for a quote amount
 * only; the client order id ({@code text}, {@code t-…}) names an order while it is open and for a while after, so
 * an order not found that way is looked for among the pair's open and finished orders before it is said not to exist. The
 * account is followed by asking (Gate.io's WebSocket is not used).
 */
final class GateioClient implements VenueClient {

    private static final int PAGE = 100;
    private static final int TRADES_PAGE = 1000;
    /** How many answers of open, then finished, orders an order not found by client order id is looked for in. */
    private static final int HISTORY_PAGES = 3;
    /** Gate.io answers trades of the last 7 days unless asked for a range, which may span 30 days at most. */
    private static final Duration TRADES_REACH = Duration.ofDays(30).minusMinutes(1);

    private final GateioHttp http;
    private final GateioPairs pairs;
    private final String account;
    private final Function<UserStream.Listener, UserStream> streams;
    private final VenueWallet wallet;

    GateioClient(VenueAdapter.Wiring wiring, GateioPairs pairs, String account, String apiKey, String secret) {
        this.http = new GateioHttp(wiring).signedAs(apiKey, secret);
        this.pairs = pairs;
        this.account = account;
        this.streams = PollingUserStream.asking(wiring.scheduler(), wiring.pollInterval());
        this.wallet = new GateioWallet(http, account, wiring.clock());
    }

    @Override
    public Set<Capability> capabilities() {
        return GateioAdapter.CAPABILITIES;
    }

    @Override
    public CompletionStage<VenueOrder> place(PlaceOrder order, String clientOrderId, Instant recordedAt) {
        // its price-triggered orders take no client order id, so one could not be placed at most once (docs/architecture.md)
        String refusal = order.kind() == OrderKind.STOP_LIMIT ? "gate.io's trigger orders take no client order id: emulate the stop"
                : QuoteMarketVenues.refusal("gate.io", order);
        if (refusal != null) {
            return CompletableFuture.failedFuture(new VenueRejection("unsupported-order", refusal));
        }
        boolean market = order.kind() == OrderKind.MARKET;
        return pairs.pairOf(order.symbol()).thenCompose(pair -> {
            ObjectNode body = GateioHttp.body()
                    .put("text", clientOrderId)
                    .put("currency_pair", pair)
                    .put("type", market ? "market" : "limit")
                    .put("account", "spot")
                    .put("side", order.side().name().toLowerCase(Locale.ROOT))
                    // a market buy's amount is what it spends in the quote currency; every other order's is its base amount
                    .put("amount", (order.quoteQuantity() != null ? order.quoteQuantity() : order.quantity()).toPlainString());
            if (order.price() != null) {
                body.put("price", order.price().toPlainString());
            }
            body.put("time_in_force", timeInForce(order));
            return http.signed("POST", "/spot/orders", Map.of(), body, VenueRequest.place(account, 0), recordedAt);
        }).thenApply(GateioClient::order);
    }

    /** {@code poc} (pending or cancelled) is Gate.io's post-only; a market order is IOC unless it is FOK. */
    private static String timeInForce(PlaceOrder order) {
        if (order.kind() == OrderKind.LIMIT_MAKER) {
            return "poc";
        }
        if (order.kind() == OrderKind.MARKET && order.timeInForce() == TimeInForce.GTC) {
            return "ioc";
        }
        return order.timeInForce().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public CompletionStage<List<VenueOrder>> placeOco(PlaceOco oco, String listClientOrderId, String takeProfitClientOrderId,
                                                      String stopLossClientOrderId, Instant recordedAt) {
        return CompletableFuture.failedFuture(new VenueRejection("unsupported-order", "gate.io has no native OCO order"));
    }

    /** By client order id in the path, which Gate.io takes in place of its own id; the answer is the order after it. */
    @Override
    public CompletionStage<VenueOrder> cancel(String symbol, String clientOrderId) {
        return pairs.pairOf(symbol).thenCompose(pair -> http.signed("DELETE", "/spot/orders/" + clientOrderId, Map.of("currency_pair", pair), null,
                VenueRequest.cancel(account, 0), null)).thenApply(GateioClient::order);
    }

    /** Every open order of the pair, both sides; each as it is after the cancel (one already filled says so). */
    @Override
    public CompletionStage<List<VenueOrder>> cancelAll(String symbol) {
        return pairs.pairOf(symbol).thenCompose(pair -> http.signed("DELETE", "/spot/orders", Map.of("currency_pair", pair), null,
                VenueRequest.cancel(account, 0), null)).thenApply(GateioClient::orders);
    }

    /**
     * By client order id in the path. Gate.io finds an order that way while it is open and for a while after, and not
     * always then, so an order it does not find is looked for among the pair's open orders and its most recent
     * finished ones before it is said not to exist; when the pair has more of them than are read, the answer is
     * ambiguous rather than "not found".
     */
    @Override
    public CompletionStage<VenueOrder> find(String symbol, String clientOrderId) {
        return pairs.pairOf(symbol).thenCompose(pair -> http.signed("GET", "/spot/orders/" + clientOrderId, Map.of("currency_pair", pair), null,
                        VenueRequest.accountRead(account, 0), null)
                .thenApply(GateioClient::order)
                .exceptionallyCompose(failure -> Blocking.cause(failure) instanceof OrderNotFound
                        ? listed(pair, clientOrderId, "open", 1).thenCompose(open -> open != null ? CompletableFuture.completedFuture(open)
                                : listed(pair, clientOrderId, "finished", 1).thenApply(finished -> {
                                    if (finished == null) {
                                        throw new OrderNotFound("CLIENT_ID_NOT_FOUND", "no order of client order id " + clientOrderId);
                                    }
                                    return finished;
                                }))
                        : CompletableFuture.failedFuture(failure)));
    }

    /** The order of {@code clientOrderId} among the pair's orders of {@code status}, page by page; null when it is not there. */
    private CompletionStage<VenueOrder> listed(String pair, String clientOrderId, String status, int page) {
        Map<String, String> query = Map.of("currency_pair", pair, "status", status, "limit", String.valueOf(PAGE), "page", String.valueOf(page));
        return http.signed("GET", "/spot/orders", query, null, VenueRequest.accountRead(account, 0), null).thenCompose(list -> {
            for (JsonNode order : list) {
                if (clientOrderId.equals(order.path("text").asText())) {
                    return CompletableFuture.completedFuture(order(order));
                }
            }
            if (list.size() < PAGE) {
                return CompletableFuture.completedFuture(null);
            }
            if (page >= HISTORY_PAGES) {
                // more remain unread: not finding it here says nothing, and "never placed" could place it twice
                return CompletableFuture.failedFuture(new AmbiguousOutcome("gate.io: " + clientOrderId + " is not among the " + HISTORY_PAGES * PAGE
                        + " most recent " + status + " orders of " + pair + ", and older ones are not read", null));
            }
            return listed(pair, clientOrderId, status, page + 1);
        });
    }

    /** Every pair's open orders, grouped by pair, 100 of each pair an answer: read on while some pair filled its 100. */
    @Override
    public CompletionStage<List<VenueOrder>> openOrders(Set<String> symbols) {
        return openOrders(1, new LinkedHashMap<>());
    }

    private CompletionStage<List<VenueOrder>> openOrders(int page, Map<String, VenueOrder> read) {
        return http.signed("GET", "/spot/open_orders", Map.of("page", String.valueOf(page), "limit", String.valueOf(PAGE)), null,
                VenueRequest.accountRead(account, 0), null).thenCompose(groups -> {
                    boolean more = false;
                    boolean news = false;
                    for (JsonNode group : groups) {
                        JsonNode orders = group.path("orders");
                        more |= orders.size() >= PAGE;
                        for (JsonNode order : orders) {
                            news |= read.putIfAbsent(order.path("id").asText(), order(order, group.path("currency_pair").asText())) == null;
                        }
                    }
                    return more && news ? openOrders(page + 1, read) : CompletableFuture.completedFuture(List.copyOf(read.values()));
                });
    }

    /** The order's trades of the last 30 days (the most Gate.io answers at once), page by page, oldest first. */
    @Override
    public CompletionStage<List<VenueTrade>> trades(String symbol, String venueOrderId) {
        Instant now = http.now();
        return pairs.pairOf(symbol).thenCompose(pair -> trades(pair, venueOrderId, now, 1, new LinkedHashMap<>()))
                .thenApply(read -> read.values().stream().sorted(Comparator.comparing(VenueTrade::time)).toList());
    }

    private CompletionStage<Map<String, VenueTrade>> trades(String pair, String orderId, Instant now, int page, Map<String, VenueTrade> read) {
        Map<String, String> query = Map.of("currency_pair", pair, "order_id", orderId, "limit", String.valueOf(TRADES_PAGE), "page",
                String.valueOf(page), "from", String.valueOf(now.minus(TRADES_REACH).getEpochSecond()), "to", String.valueOf(now.getEpochSecond()));
        return http.signed("GET", "/spot/my_trades", query, null, VenueRequest.accountRead(account, 0), null).thenCompose(list -> {
            boolean news = false;
            for (JsonNode trade : list) {
                news |= read.putIfAbsent(trade.path("id").asText(), trade(trade, pair)) == null;
            }
            return list.size() >= TRADES_PAGE && news ? trades(pair, orderId, now, page + 1, read) : CompletableFuture.completedFuture(read);
        });
    }

    @Override
    public UserStream openUserStream(UserStream.Listener listener) {
        return streams.apply(listener);
    }

    @Override
    public Duration receiveWindow() {
        return GateioHttp.RECEIVE_WINDOW;
    }

    @Override
    public VenueWallet wallet() {
        return wallet;
    }

    @Override
    public CompletionStage<List<Balance>> balances() {
        return http.signed("GET", "/spot/accounts", Map.of(), null, VenueRequest.accountRead(account, 0), null).thenApply(list -> {
            List<Balance> balances = new ArrayList<>();
            for (JsonNode currency : list) {
                balances.add(new Balance(currency.path("currency").asText(), decimalOrZero(currency, "available"), decimalOrZero(currency, "locked")));
            }
            return balances;
        });
    }

    private static List<VenueOrder> orders(JsonNode list) {
        List<VenueOrder> orders = new ArrayList<>();
        list.forEach(order -> orders.add(order(order)));
        return orders;
    }

    static VenueOrder order(JsonNode json) {
        return order(json, json.path("currency_pair").asText());
    }

    /**
     * An order in the fleet's terms. Filled is {@code filled_amount} where given, else {@code amount - left}; an order
     * Gate.io ended for its time in force ({@code finish_as} ioc, fok or poc) expired, any other cancelled one was
     * cancelled; an open one with something filled is partly filled.
     */
    static VenueOrder order(JsonNode json, String pair) {
        BigDecimal filled = filled(json);
        OrderStatus status = switch (json.path("status").asText()) {
            case "closed" -> OrderStatus.FILLED;
            case "cancelled" -> switch (json.path("finish_as").asText()) {
                case "ioc", "fok", "poc" -> OrderStatus.EXPIRED;
                default -> OrderStatus.CANCELLED;
            };
            default -> filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        };
        return new VenueOrder(GateioPairs.symbol(pair), json.path("text").asText(""), json.path("id").asText(), status, filled,
                decimalOrZero(json, "filled_total"));
    }

    /**
     * The base amount filled: {@code filled_amount} where given, else {@code amount - left}, which for a market buy is
     * in quote (what it spends), so there the base is the quote filled at the average price: an approximation its
     * trades, read in base, correct.
     */
    private static BigDecimal filled(JsonNode json) {
        if (json.hasNonNull("filled_amount")) {
            return decimalOrZero(json, "filled_amount");
        }
        boolean marketBuy = "market".equals(json.path("type").asText()) && "buy".equals(json.path("side").asText());
        if (!marketBuy) {
            return decimalOrZero(json, "amount").subtract(decimalOrZero(json, "left"));
        }
        BigDecimal average = decimalOrZero(json, "avg_deal_price");
        return average.signum() == 0 ? BigDecimal.ZERO
                : decimalOrZero(json, "filled_total").divide(average, 18, RoundingMode.DOWN).stripTrailingZeros();
    }

    /**
     * A trade; Gate.io gives no quote amount, which is exactly price times amount. Its times are milliseconds with a
     * fraction. A fee paid in GT or in points is the fee then (in {@code GT}, {@code POINT}); a trade with no fee at all
     * names the pair's quote asset.
     */
    static VenueTrade trade(JsonNode trade, String pair) {
        BigDecimal price = decimalOrZero(trade, "price");
        BigDecimal amount = decimalOrZero(trade, "amount");
        long millis = new BigDecimal(trade.path("create_time_ms").asText("0")).longValue();
        BigDecimal fee = decimalOrZero(trade, "fee");
        String feeAsset = trade.path("fee_currency").asText("");
        if (fee.signum() == 0 && decimalOrZero(trade, "gt_fee").signum() != 0) {
            fee = decimalOrZero(trade, "gt_fee");
            feeAsset = "GT";
        } else if (fee.signum() == 0 && decimalOrZero(trade, "point_fee").signum() != 0) {
            fee = decimalOrZero(trade, "point_fee");
            feeAsset = "POINT";
        }
        if (feeAsset.isEmpty()) {
            feeAsset = pair.substring(pair.indexOf('_') + 1);
        }
        return new VenueTrade(trade.path("id").asText(), trade.path("order_id").asText(), price, amount, price.multiply(amount), fee, feeAsset,
                "maker".equals(trade.path("role").asText()), Instant.ofEpochMilli(millis));
    }
}
