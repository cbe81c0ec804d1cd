package dev.tradefleet.connector.venue.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.connector.Blocking;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.OrderNotFound;
import dev.tradefleet.connector.venue.VenueOrder;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Bitget's plan orders, where a stop-limit waits for its trigger price apart from the account's orders. A plan is
 * placed, found and cancelled by the client order id we give it; once triggered it has become a spot order of its own
 * id and of Bitget's client id (its sub-order), which is followed, cancelled and traded as that order and reported
 * under our client order id.
 */
final class BitgetPlans {

    /** A plan as found: the order to report, and whether that is the spot order it became. */
    record Found(VenueOrder order, boolean triggered) {
    }

    /** What cancelling every waiting plan of a symbol came to: the plans cancelled, and the cancels left unanswered. */
    record Cancelled(List<VenueOrder> plans, List<Throwable> unanswered) {
    }

    private static final String PLACE = "/api/v2/spot/trade/place-plan-order";
    private static final String CANCEL = "/api/v2/spot/trade/cancel-plan-order";
    private static final String WAITING = "/api/v2/spot/trade/current-plan-order";
    private static final String HISTORY = "/api/v2/spot/trade/history-plan-order";
    private static final String SUB_ORDERS = "/api/v2/spot/trade/plan-sub-order";
    private static final int PAGE = 100;
    /** Pages read before a plan not found among them is called ambiguous rather than absent. */
    private static final int PAGES = 3;
    /** The longest span Bitget's plan history answers for (90 days), less a day for clocks. */
    private static final Duration HISTORY_SPAN = Duration.ofDays(89);

    private final BitgetHttp http;
    private final String account;
    private final Clock clock;
    private final Function<String, CompletionStage<VenueOrder>> orderById;

    BitgetPlans(BitgetHttp http, String account, Clock clock, Function<String, CompletionStage<VenueOrder>> orderById) {
        this.http = http;
        this.account = account;
        this.clock = clock;
        this.orderById = orderById;
    }

    /** A limit order of the stop-limit's price and quantity, placed once the last price reaches its stop price. */
    CompletionStage<VenueOrder> place(PlaceOrder order, String clientOrderId, Instant recordedAt) {
        ObjectNode body = BitgetHttp.body()
                .put("symbol", order.symbol())
                .put("side", order.side().name().toLowerCase(Locale.ROOT))
                .put("triggerPrice", order.stopPrice().toPlainString())
                .put("orderType", "limit")
                .put("executePrice", order.price().toPlainString())
                .put("planType", "amount")
                .put("size", order.quantity().toPlainString())
                .put("triggerType", "fill_price")
                .put("force", order.timeInForce().name().toLowerCase(Locale.ROOT))
                .put("clientOid", clientOrderId);
        return http.signedPost(PLACE, body, VenueRequest.place(account, 0), recordedAt)
                .thenApply(data -> plan(order.symbol(), clientOrderId, data.path("orderId").asText(), OrderStatus.ACCEPTED));
    }

    /**
     * Among the waiting plans of the symbol, then among its plans of the last 90 days: fails with {@link OrderNotFound}
     * when neither has it, and is ambiguous when more plans remain unread than are read.
     */
    CompletionStage<Found> find(String symbol, String clientOrderId) {
        Instant now = clock.instant();
        Map<String, String> lately = Map.of("symbol", symbol, "startTime", String.valueOf(now.minus(HISTORY_SPAN).toEpochMilli()),
                "endTime", String.valueOf(now.toEpochMilli()));
        return search(WAITING, Map.of("symbol", symbol), clientOrderId)
                .thenCompose(plan -> plan != null ? CompletableFuture.completedFuture(plan) : search(HISTORY, lately, clientOrderId))
                .thenCompose(plan -> plan == null
                        ? CompletableFuture.failedFuture(new OrderNotFound("43025", "no plan order of client order id " + clientOrderId))
                        : state(symbol, clientOrderId, plan));
    }

    /**
     * A plan the venue acknowledged, by the id recorded for it: the order it became once that was seen, else the plan's.
     * The order a plan became is found by the plan's id however old it is; a plan the venue no longer finds at all
     * did exist, so that is ambiguous, never "not placed".
     */
    CompletionStage<VenueOrder> follow(String symbol, String clientOrderId, String knownId) {
        return orderById.apply(knownId)
                .thenApply(order -> underOurId(order, clientOrderId))
                .exceptionallyCompose(failure -> Blocking.cause(failure) instanceof OrderNotFound
                        ? subOrder(symbol, clientOrderId, knownId).thenCompose(triggered -> triggered != null
                                ? CompletableFuture.completedFuture(triggered.order())
                                : find(symbol, clientOrderId).thenApply(Found::order))
                        : CompletableFuture.failedFuture(failure))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(Blocking.cause(failure) instanceof OrderNotFound
                        ? new AmbiguousOutcome("bitget: plan " + knownId + " (" + clientOrderId + ") was acknowledged but is found neither"
                        + " waiting, nor in the plan history, nor as an order", null)
                        : failure));
    }

    /** The symbol's waiting plans, as far as they are read ({@value #PAGES} answers): reported as the open orders they stand for. */
    CompletionStage<List<VenueOrder>> waiting(String symbol) {
        return list(WAITING, Map.of("symbol", symbol))
                .thenApply(listing -> listing.plans().stream()
                        .map(plan -> plan(symbol, plan.path("clientOid").asText(""), plan.path("orderId").asText(), OrderStatus.ACCEPTED))
                        .toList());
    }

    /**
     * Cancels the plan; one that triggered first is cancelled as the order it became. Completes with what it is after
     * that, and fails with the venue's refusal only when it is still waiting.
     */
    CompletionStage<VenueOrder> cancel(String symbol, String clientOrderId) {
        return http.signedPost(CANCEL, BitgetHttp.body().put("clientOid", clientOrderId), VenueRequest.cancel(account, 0), null)
                .handle((answer, failure) -> failure == null ? null : Blocking.cause(failure))
                .thenCompose(refusal -> {
                    if (refusal != null && !(refusal instanceof VenueRejection)) {
                        return CompletableFuture.failedFuture(refusal);
                    }
                    return find(symbol, clientOrderId).thenCompose(found -> {
                        VenueOrder order = found.order();
                        boolean open = order.status() == OrderStatus.ACCEPTED || order.status() == OrderStatus.PARTIALLY_FILLED;
                        if (found.triggered() && open) {
                            ObjectNode body = BitgetHttp.body().put("symbol", symbol).put("orderId", order.venueOrderId());
                            return http.signedPost("/api/v2/spot/trade/cancel-order", body, VenueRequest.cancel(account, 0), null)
                                    .thenCompose(ignored -> orderById.apply(order.venueOrderId()))
                                    .thenApply(now -> underOurId(now, clientOrderId));
                        }
                        return refusal != null && open ? CompletableFuture.failedFuture(refusal) : CompletableFuture.completedFuture(order);
                    });
                });
    }

    /**
     * Cancels every waiting plan of the symbol, one by one by its id, reading the list again while it has more: a plan
     * the venue will not cancel has triggered meanwhile, and its order is among the symbol's open orders.
     */
    CompletionStage<Cancelled> cancelAll(String symbol) {
        return cancelWaiting(symbol, new Cancelled(new ArrayList<>(), new ArrayList<>()), PAGES);
    }

    private CompletionStage<Cancelled> cancelWaiting(String symbol, Cancelled done, int pagesLeft) {
        Map<String, String> query = Map.of("symbol", symbol, "limit", String.valueOf(PAGE));
        return http.signedGet(WAITING, query, VenueRequest.accountRead(account, 0)).thenCompose(data -> {
            CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
            for (JsonNode plan : data.path("orderList")) {
                String planId = plan.path("orderId").asText();
                all = all.thenCompose(ignored -> http.signedPost(CANCEL, BitgetHttp.body().put("orderId", planId), VenueRequest.cancel(account, 0), null)
                        .handle((answer, failure) -> {
                            Throwable cause = failure == null ? null : Blocking.cause(failure);
                            if (cause == null) {
                                done.plans().add(plan(symbol, plan.path("clientOid").asText(""), planId, OrderStatus.CANCELLED));
                            } else if (cause instanceof AmbiguousOutcome) {
                                done.unanswered().add(cause);
                            } else if (!(cause instanceof VenueRejection)) {
                                throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                            }
                            return null;
                        }));
            }
            return all.thenCompose(ignored -> {
                if (!data.path("nextFlag").asBoolean(false)) {
                    return CompletableFuture.completedFuture(done);
                }
                if (pagesLeft > 1) {
                    // what was cancelled has left the list: reading it again from the start shows what still waits
                    return cancelWaiting(symbol, done, pagesLeft - 1);
                }
                done.unanswered().add(new AmbiguousOutcome("bitget: waiting plans of " + symbol + " remain after " + PAGES
                        + " answers of them were cancelled", null));
                return CompletableFuture.completedFuture(done);
            });
        });
    }

    /** The plans of a listing, and whether it was read to its end. */
    private record Listing(List<JsonNode> plans, boolean complete) {
    }

    /** The plan of our client order id in the listing; null when it is read to its end without it, ambiguous when not. */
    private CompletionStage<JsonNode> search(String path, Map<String, String> filter, String clientOrderId) {
        return list(path, filter).thenApply(listing -> {
            for (JsonNode plan : listing.plans()) {
                if (clientOrderId.equals(plan.path("clientOid").asText())) {
                    return plan;
                }
            }
            if (!listing.complete()) {
                // more plans remain unread: not finding it here says nothing, and "never placed" could place it twice
                throw new AmbiguousOutcome("bitget: plan " + clientOrderId + " is not among the " + listing.plans().size()
                        + " plans read at " + path + ", and more remain", null);
            }
            return null;
        });
    }

    /** The plans at {@code path}, read answer by answer ({@code idLessThan} the cursor each gives), {@value #PAGES} answers at most. */
    private CompletionStage<Listing> list(String path, Map<String, String> filter) {
        return list(path, filter, null, new ArrayList<>(), PAGES);
    }

    private CompletionStage<Listing> list(String path, Map<String, String> filter, String before, List<JsonNode> read, int pagesLeft) {
        Map<String, String> query = new LinkedHashMap<>(filter);
        query.put("limit", String.valueOf(PAGE));
        if (before != null) {
            query.put("idLessThan", before);
        }
        return http.signedGet(path, query, VenueRequest.accountRead(account, 0)).thenCompose(data -> {
            data.path("orderList").forEach(read::add);
            String next = data.path("idLessThan").asText("");
            if (!data.path("nextFlag").asBoolean(false) || next.isEmpty()) {
                return CompletableFuture.completedFuture(new Listing(read, true));
            }
            if (pagesLeft <= 1 || next.equals(before)) {
                // a venue answering the same page again is read no further either
                return CompletableFuture.completedFuture(new Listing(read, false));
            }
            return list(path, filter, next, read, pagesLeft - 1);
        });
    }

    /** What a plan is now: waiting ({@code live}, {@code not_trigger}), cancelled, failed, or an order once triggered. */
    private CompletionStage<Found> state(String symbol, String clientOrderId, JsonNode plan) {
        String planId = plan.path("orderId").asText();
        return switch (plan.path("status").asText()) {
            case "cancelled", "canceled" -> found(plan(symbol, clientOrderId, planId, OrderStatus.CANCELLED));
            case "fail_execute", "fail_trigger" -> found(plan(symbol, clientOrderId, planId, OrderStatus.REJECTED));
            // while the order it triggered is being placed, the plan is reported as waiting still
            case "executing", "executed", "triggered" -> subOrder(symbol, clientOrderId, planId)
                    .thenCompose(triggered -> triggered != null ? CompletableFuture.completedFuture(triggered)
                            : found(plan(symbol, clientOrderId, planId, OrderStatus.ACCEPTED)));
            default -> found(plan(symbol, clientOrderId, planId, OrderStatus.ACCEPTED));
        };
    }

    /**
     * What the plan's trigger placed: the order of that id whenever there is one, whatever the sub-order's status
     * says (a sub-order cancelled after it part-filled still traded); a plan whose trigger placed no order failed, or
     * was cancelled. Null while it has placed none.
     */
    private CompletionStage<Found> subOrder(String symbol, String clientOrderId, String planId) {
        return http.signedGet(SUB_ORDERS, Map.of("planOrderId", planId), VenueRequest.accountRead(account, 0)).thenCompose(data -> {
            for (JsonNode sub : data) {
                String orderId = sub.path("orderId").asText("");
                if (!orderId.isEmpty()) {
                    return orderById.apply(orderId).thenApply(order -> new Found(underOurId(order, clientOrderId), true));
                }
                switch (sub.path("status").asText()) {
                    case "fail" -> {
                        return found(plan(symbol, clientOrderId, planId, OrderStatus.REJECTED));
                    }
                    case "cancelled" -> {
                        return found(plan(symbol, clientOrderId, planId, OrderStatus.CANCELLED));
                    }
                    default -> {
                    }
                }
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private static CompletionStage<Found> found(VenueOrder plan) {
        return CompletableFuture.completedFuture(new Found(plan, false));
    }

    /** A plan that has not become an order: nothing of it executed. */
    private static VenueOrder plan(String symbol, String clientOrderId, String planId, OrderStatus status) {
        return new VenueOrder(symbol, clientOrderId, planId, status, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static VenueOrder underOurId(VenueOrder order, String clientOrderId) {
        return new VenueOrder(order.symbol(), clientOrderId, order.venueOrderId(), order.status(), order.executedQuantity(),
                order.cumulativeQuoteQuantity());
    }
}
