package dev.tradefleet.connector.venue.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.connector.Blocking;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.orders.ClientOrderIds;
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

import java.math.BigDecimal;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static dev.tradefleet.connector.venue.http.JsonFields.decimalOrZero;

/**
 * One account on Bitget's v2 spot API. A placement's answer is only the order's ids, and a cancel's too: what the
 * order is then is asked for. A market buy is for a quote amount only. A stop-limit is a plan order
 * ({@link BitgetPlans}), told from an order by its client order id. The account is followed by asking (Bitget's
 * private WebSocket is not used). Bitget limits most account calls per endpoint and UID; the adapter keeps one count
 * per account at the lowest of them ({@link BitgetAdapter#rateLimits}), and public calls to the IP's.
 */
final class BitgetClient implements VenueClient {

    /** Orders, fills and open orders come at most 100 an answer. */
    private static final int PAGE = 100;
    /** How far back an order that the venue no longer finds by client order id is looked for among the symbol's recent orders. */
    private static final int HISTORY_PAGES = 3;

    private final BitgetHttp http;
    private final String account;
    private final Function<UserStream.Listener, UserStream> streams;
    private final VenueWallet wallet;
    private final BitgetPlans plans;

    BitgetClient(VenueAdapter.Wiring wiring, String account, String apiKey, String secret, String passphrase) {
        this.http = new BitgetHttp(wiring).signedAs(apiKey, secret, passphrase);
        this.account = account;
        this.streams = PollingUserStream.asking(wiring.scheduler(), wiring.pollInterval());
        this.wallet = new BitgetWallet(http, account, wiring.clock());
        this.plans = new BitgetPlans(http, account, wiring.clock(), this::byOrderId);
    }

    @Override
    public Set<Capability> capabilities() {
        return BitgetAdapter.CAPABILITIES;
    }

    @Override
    public CompletionStage<VenueOrder> place(PlaceOrder order, String clientOrderId, Instant recordedAt) {
        String refusal = QuoteMarketVenues.refusal("bitget", order);
        if (refusal != null) {
            return CompletableFuture.failedFuture(new VenueRejection("unsupported-order", refusal));
        }
        if (order.kind() == OrderKind.STOP_LIMIT) {
            return plans.place(order, clientOrderId, recordedAt);
        }
        boolean market = order.kind() == OrderKind.MARKET;
        ObjectNode body = BitgetHttp.body()
                .put("symbol", order.symbol())
                .put("side", order.side().name().toLowerCase(Locale.ROOT))
                .put("orderType", market ? "market" : "limit")
                .put("force", order.kind() == OrderKind.LIMIT_MAKER ? "post_only" : order.timeInForce().name().toLowerCase(Locale.ROOT));
        if (order.price() != null) {
            body.put("price", order.price().toPlainString());
        }
        // a market buy's size is what it spends in the quote asset; every other order's is its base quantity
        body.put("size", (order.quoteQuantity() != null ? order.quoteQuantity() : order.quantity()).toPlainString());
        body.put("clientOid", clientOrderId);
        return http.signedPost("/api/v2/spot/trade/place-order", body, VenueRequest.place(account, 0), recordedAt)
                .thenApply(data -> new VenueOrder(order.symbol(), data.path("clientOid").asText(clientOrderId), data.path("orderId").asText(),
                        OrderStatus.ACCEPTED, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Override
    public CompletionStage<List<VenueOrder>> placeOco(PlaceOco oco, String listClientOrderId, String takeProfitClientOrderId,
                                                      String stopLossClientOrderId, Instant recordedAt) {
        return CompletableFuture.failedFuture(new VenueRejection("unsupported-order", "bitget has no native OCO order"));
    }

    /** Cancels by client order id, then asks what the order is now (the answer carries only its ids). */
    @Override
    public CompletionStage<VenueOrder> cancel(String symbol, String clientOrderId) {
        if (ClientOrderIds.isTrigger(clientOrderId)) {
            return plans.cancel(symbol, clientOrderId);
        }
        ObjectNode body = BitgetHttp.body().put("symbol", symbol).put("clientOid", clientOrderId);
        return http.signedPost("/api/v2/spot/trade/cancel-order", body, VenueRequest.cancel(account, 0), null)
                .thenCompose(data -> byOrderId(data.path("orderId").asText()));
    }

    /**
     * Bitget's cancel-all for a symbol runs later, by itself, and names no order; so each open order of the symbol is
     * cancelled by id and then asked for, and the orders come back as they are after it. Its waiting plans (stop-limits)
     * are cancelled first, so that none triggers into an order after the open ones were read. Every order is tried: one
     * the venue refuses (filled meanwhile) is still asked for; one without an answer leaves the whole ambiguous once
     * the others are done, and reconciliation tells what became of each; "not now" stops at once (the next attempt
     * lists what is still open).
     */
    @Override
    public CompletionStage<List<VenueOrder>> cancelAll(String symbol) {
        return plans.cancelAll(symbol).thenCompose(plansCancelled -> open(Map.of("symbol", symbol)).thenCompose(open -> {
            List<VenueOrder> after = new ArrayList<>(plansCancelled.plans());
            List<Throwable> unanswered = new ArrayList<>(plansCancelled.unanswered());
            CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
            for (VenueOrder order : open) {
                ObjectNode body = BitgetHttp.body().put("symbol", symbol).put("orderId", order.venueOrderId());
                all = all.thenCompose(ignored -> settled(http.signedPost("/api/v2/spot/trade/cancel-order", body, VenueRequest.cancel(account, 0), null)))
                        // cancelled, or refused (filled meanwhile): what it is now is asked for either way
                        .thenCompose(cancel -> cancel instanceof Throwable ? CompletableFuture.completedFuture(cancel)
                                : settled(byOrderId(order.venueOrderId())))
                        .thenAccept(now -> {
                            if (now instanceof VenueOrder known) {
                                after.add(known);
                            } else if (now instanceof Throwable lost) {
                                unanswered.add(lost);
                            }
                        });
            }
            return all.thenApply(done -> {
                if (!unanswered.isEmpty()) {
                    throw new AmbiguousOutcome("bitget: " + unanswered.size() + " orders and plans of " + symbol
                            + " unanswered while cancelling all: " + unanswered.get(0).getMessage(), unanswered.get(0));
                }
                return after;
            });
        }));
    }

    /**
     * A call's outcome as a value: its answer, null for the venue's refusal (the caller goes on), or the failure when
     * the answer was lost; "not now" fails the stage.
     */
    private static CompletionStage<Object> settled(CompletionStage<?> call) {
        return call.handle((answer, failure) -> {
            if (failure == null) {
                return answer instanceof VenueOrder ? answer : null;
            }
            Throwable cause = Blocking.cause(failure);
            if (cause instanceof VenueRejection) {
                return null;
            }
            if (cause instanceof AmbiguousOutcome) {
                return cause;
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    /**
     * By client order id ({@code orderInfo}); Bitget documents that lookup for orders still open, so an order it no
     * longer finds that way is looked for among the symbol's recent orders before it is said not to exist. When the
     * symbol has more recent orders than are read, the answer is ambiguous rather than "not found".
     */
    @Override
    public CompletionStage<VenueOrder> find(String symbol, String clientOrderId) {
        if (ClientOrderIds.isTrigger(clientOrderId)) {
            return plans.find(symbol, clientOrderId).thenApply(BitgetPlans.Found::order);
        }
        return http.signedGet("/api/v2/spot/trade/orderInfo", Map.of("clientOid", clientOrderId), VenueRequest.accountRead(account, 0))
                .thenApply(data -> first(data, clientOrderId))
                .exceptionallyCompose(failure -> Blocking.cause(failure) instanceof OrderNotFound
                        ? inHistory(symbol, clientOrderId, null, HISTORY_PAGES)
                        : CompletableFuture.failedFuture(failure));
    }

    /** A stop-limit by the id recorded for it, which outlives the plan history's 90 days; any other order by its client order id. */
    @Override
    public CompletionStage<VenueOrder> follow(String symbol, String clientOrderId, String venueOrderId) {
        return ClientOrderIds.isTrigger(clientOrderId) && venueOrderId != null
                ? plans.follow(symbol, clientOrderId, venueOrderId) : find(symbol, clientOrderId);
    }

    private CompletionStage<VenueOrder> inHistory(String symbol, String clientOrderId, String before, int pagesLeft) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("symbol", symbol, "limit", String.valueOf(PAGE)));
        if (before != null) {
            query.put("idLessThan", before);
        }
        return http.signedGet("/api/v2/spot/trade/history-orders", query, VenueRequest.accountRead(account, 0)).thenCompose(data -> {
            String oldest = null;
            for (JsonNode order : data) {
                if (clientOrderId.equals(order.path("clientOid").asText())) {
                    return CompletableFuture.completedFuture(order(order));
                }
                oldest = order.path("orderId").asText();
            }
            if (data.size() < PAGE || oldest == null) {
                return CompletableFuture.failedFuture(new OrderNotFound("43001", "no order of client order id " + clientOrderId));
            }
            if (pagesLeft <= 1) {
                // older orders remain unread: not finding it here says nothing, and "never placed" could place it twice
                return CompletableFuture.failedFuture(new AmbiguousOutcome("bitget: " + clientOrderId + " is not among the "
                        + HISTORY_PAGES * PAGE + " most recent orders of " + symbol + ", and older ones are not read", null));
            }
            return inHistory(symbol, clientOrderId, oldest, pagesLeft - 1);
        });
    }

    private CompletionStage<VenueOrder> byOrderId(String orderId) {
        return http.signedGet("/api/v2/spot/trade/orderInfo", Map.of("orderId", orderId), VenueRequest.accountRead(account, 0))
                .thenApply(data -> first(data, orderId));
    }

    private static VenueOrder first(JsonNode data, String asked) {
        if (!data.isArray() || data.isEmpty()) {
            throw new OrderNotFound("43001", "no order " + asked);
        }
        return order(data.get(0));
    }

    /**
     * Bitget lists every symbol's open orders at once, newest first, 100 an answer; the waiting plans (stop-limits)
     * of each symbol are open orders too, so that one call per symbol follows them all rather than one per plan.
     */
    @Override
    public CompletionStage<List<VenueOrder>> openOrders(Set<String> symbols) {
        CompletionStage<List<VenueOrder>> all = open(Map.of());
        for (String symbol : symbols) {
            all = all.thenCompose(orders -> plans.waiting(symbol).thenApply(waiting -> {
                List<VenueOrder> both = new ArrayList<>(orders);
                both.addAll(waiting);
                return both;
            }));
        }
        return all;
    }

    private CompletionStage<List<VenueOrder>> open(Map<String, String> filter) {
        return pages("/api/v2/spot/trade/unfilled-orders", filter, "orderId", new ArrayList<>()).thenApply(orders -> {
            Map<String, VenueOrder> byId = new LinkedHashMap<>();
            orders.forEach(order -> byId.putIfAbsent(order.path("orderId").asText(), order(order)));
            return List.copyOf(byId.values());
        });
    }

    /** The order's fills, read back answer by answer ({@code idLessThan} the oldest trade read), oldest first. */
    @Override
    public CompletionStage<List<VenueTrade>> trades(String symbol, String venueOrderId) {
        return pages("/api/v2/spot/trade/fills", Map.of("symbol", symbol, "orderId", venueOrderId), "tradeId", new ArrayList<>())
                .thenApply(fills -> {
                    Map<String, VenueTrade> trades = new LinkedHashMap<>();
                    fills.forEach(fill -> trades.putIfAbsent(fill.path("tradeId").asText(), trade(fill)));
                    return trades.values().stream().sorted(Comparator.comparing(VenueTrade::time)).toList();
                });
    }

    /**
     * Reads on, each answer older than the last ({@code idLessThan} its last entry's {@code idField}), until one is not
     * full or ends where the one before did (a venue ignoring the cursor); repeats are for the caller to drop.
     */
    private CompletionStage<List<JsonNode>> pages(String path, Map<String, String> filter, String idField, List<JsonNode> read) {
        Map<String, String> query = new LinkedHashMap<>(filter);
        query.put("limit", String.valueOf(PAGE));
        String cursor = read.isEmpty() ? null : read.get(read.size() - 1).path(idField).asText();
        if (cursor != null) {
            query.put("idLessThan", cursor);
        }
        return http.signedGet(path, query, VenueRequest.accountRead(account, 0)).thenCompose(data -> {
            data.forEach(read::add);
            boolean more = data.size() >= PAGE && !read.get(read.size() - 1).path(idField).asText().equals(cursor);
            return more ? pages(path, filter, idField, read) : CompletableFuture.completedFuture(read);
        });
    }

    @Override
    public UserStream openUserStream(UserStream.Listener listener) {
        return streams.apply(listener);
    }

    @Override
    public Duration receiveWindow() {
        return BitgetHttp.RECEIVE_WINDOW;
    }

    @Override
    public VenueWallet wallet() {
        return wallet;
    }

    /** Free is {@code available}; locked is what open orders hold ({@code frozen}) and what the venue holds back ({@code locked}). */
    @Override
    public CompletionStage<List<Balance>> balances() {
        return http.signedGet("/api/v2/spot/account/assets", Map.of(), VenueRequest.accountRead(account, 0)).thenApply(data -> {
            List<Balance> balances = new ArrayList<>();
            for (JsonNode asset : data) {
                balances.add(new Balance(asset.path("coin").asText().toUpperCase(Locale.ROOT), decimalOrZero(asset, "available"),
                        decimalOrZero(asset, "frozen").add(decimalOrZero(asset, "locked"))));
            }
            return balances;
        });
    }

    /** An order as {@code orderInfo}, {@code unfilled-orders} and {@code history-orders} answer it. */
    static VenueOrder order(JsonNode json) {
        return new VenueOrder(json.path("symbol").asText().toUpperCase(Locale.ROOT), json.path("clientOid").asText(""),
                json.path("orderId").asText(), status(json.path("status").asText()), decimalOrZero(json, "baseVolume"), decimalOrZero(json, "quoteVolume"));
    }

    /** Bitget's order status in the fleet's terms ({@code init}, {@code new} and {@code live} are accepted). */
    static OrderStatus status(String status) {
        return switch (status) {
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled", "full_fill" -> OrderStatus.FILLED;
            case "cancelled", "canceled" -> OrderStatus.CANCELLED;
            default -> OrderStatus.ACCEPTED;
        };
    }

    /** A fill; Bitget states a fee charged as a negative amount (and a rebate as a positive one), the fleet the other way round. */
    static VenueTrade trade(JsonNode fill) {
        JsonNode fee = fill.path("feeDetail");
        return new VenueTrade(fill.path("tradeId").asText(), fill.path("orderId").asText(), decimalOrZero(fill, "priceAvg"), decimalOrZero(fill, "size"),
                decimalOrZero(fill, "amount"), decimalOrZero(fee, "totalFee").negate(), fee.path("feeCoin").asText(),
                "maker".equals(fill.path("tradeScope").asText()), Instant.ofEpochMilli(fill.path("cTime").asLong()));
    }
}
