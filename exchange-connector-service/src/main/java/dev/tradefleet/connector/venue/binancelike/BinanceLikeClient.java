package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.OrderNotFound;
import dev.tradefleet.connector.venue.VenueBusy;
import dev.tradefleet.connector.venue.VenueClient;
import dev.tradefleet.connector.venue.VenueOrder;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.connector.venue.signing.Hmac;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One account on a venue that speaks Binance's Spot v3 REST dialect (Binance itself, MEXC v3, the paper
 * exchange): SIGNED calls through the venue's limiter, answers turned into the fleet's terms. A
 * {@code {"code","msg"}} body on a 4xx is a rejection; 429 and 418 are "not now" (the limiter pauses every caller
 * for the {@code Retry-After}); a 5xx, a timeout, a dropped connection or the venue's own "status unknown" is
 * ambiguous, never a rejection. What differs between the venues is their {@link Dialect}.
 */
public final class BinanceLikeClient implements VenueClient {

    /** The limit a venue-wide usage header (Binance's {@code X-MBX-USED-WEIGHT-1M}) reports. */
    public static final String WEIGHT_LIMIT = "REQUEST_WEIGHT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RECV_WINDOW_MILLIS = 5000;

    private final Dialect dialect;
    private final URI baseUrl;
    private final String apiKey;
    private final String secret;
    private final String account;
    private final VenueLimiter limiter;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    public BinanceLikeClient(Dialect dialect, URI baseUrl, String apiKey, String secret, String account, VenueLimiter limiter, HttpClient http,
                         Clock clock, Duration timeout) {
        this.dialect = dialect;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.secret = secret;
        this.account = account;
        this.limiter = limiter;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Set<Capability> capabilities() {
        return dialect.capabilities();
    }

    @Override
    public CompletionStage<VenueOrder> place(PlaceOrder order, String clientOrderId) {
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
        return signed("POST", "/api/v3/order", params, VenueRequest.place(account, 1)).thenApply(BinanceLikeClient::order);
    }

    @Override
    public CompletionStage<VenueOrder> cancel(String symbol, String clientOrderId) {
        return signed("DELETE", "/api/v3/order", Map.of("symbol", symbol, "origClientOrderId", clientOrderId),
                VenueRequest.cancel(account, 1)).thenApply(BinanceLikeClient::order);
    }

    @Override
    public CompletionStage<List<VenueOrder>> cancelAll(String symbol) {
        return signed("DELETE", "/api/v3/openOrders", Map.of("symbol", symbol), VenueRequest.cancel(account, 1)).thenApply(json -> {
            List<VenueOrder> cancelled = new ArrayList<>();
            for (JsonNode entry : json) {
                if (entry.has("clientOrderId")) {
                    cancelled.add(order(entry));
                } else {
                    // an order list (OCO) reports its legs inside
                    entry.path("orderReports").forEach(leg -> cancelled.add(order(leg)));
                }
            }
            return cancelled;
        });
    }

    @Override
    public CompletionStage<VenueOrder> find(String symbol, String clientOrderId) {
        return signed("GET", "/api/v3/order", Map.of("symbol", symbol, "origClientOrderId", clientOrderId),
                VenueRequest.accountRead(account, 4)).thenApply(BinanceLikeClient::order);
    }

    @Override
    public CompletionStage<List<VenueTrade>> trades(String symbol, String venueOrderId) {
        return signed("GET", "/api/v3/myTrades", Map.of("symbol", symbol, "orderId", venueOrderId), VenueRequest.accountRead(account, 5))
                .thenApply(json -> {
                    List<VenueTrade> trades = new ArrayList<>();
                    for (JsonNode trade : json) {
                        trades.add(new VenueTrade(trade.path("id").asText(), trade.path("orderId").asText(),
                                new BigDecimal(trade.path("price").asText()), new BigDecimal(trade.path("qty").asText()),
                                new BigDecimal(trade.path("quoteQty").asText()), new BigDecimal(trade.path("commission").asText("0")),
                                trade.path("commissionAsset").asText(), trade.path("isMaker").asBoolean(),
                                Instant.ofEpochMilli(trade.path("time").asLong())));
                    }
                    return trades;
                });
    }

    @Override
    public Duration receiveWindow() {
        return Duration.ofMillis(RECV_WINDOW_MILLIS);
    }

    @Override
    public CompletionStage<Map<String, BigDecimal>> balances() {
        return signed("GET", "/api/v3/account", Map.of("omitZeroBalances", "true"), VenueRequest.accountRead(account, 20))
                .thenApply(json -> {
                    Map<String, BigDecimal> free = new TreeMap<>();
                    for (JsonNode balance : json.path("balances")) {
                        free.put(balance.path("asset").asText(), new BigDecimal(balance.path("free").asText("0")));
                    }
                    return free;
                });
    }

    private static void put(Map<String, String> params, String name, BigDecimal value) {
        if (value != null) {
            params.put(name, value.toPlainString());
        }
    }

    /** Waits for the limiter, signs (parameters in the query for GET and DELETE, in the form body for POST), sends. */
    private CompletionStage<JsonNode> signed(String method, String path, Map<String, String> params, VenueRequest cost) {
        return limiter.acquire(cost).thenCompose(permit -> {
            Map<String, String> all = new LinkedHashMap<>(params);
            all.put("recvWindow", String.valueOf(RECV_WINDOW_MILLIS));
            all.put("timestamp", String.valueOf(clock.millis()));
            String encoded = encode(all);
            boolean inBody = method.equals("POST");
            String signature = Hmac.queryAndBody(secret, inBody ? "" : encoded, inBody ? encoded : "");
            String signedParams = encoded + "&signature=" + signature;
            HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(inBody ? path : path + "?" + signedParams))
                    .timeout(timeout).header(dialect.apiKeyHeader(), apiKey);
            request = inBody
                    ? request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(signedParams))
                    : request.method(method, HttpRequest.BodyPublishers.noBody());
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> answer(method + " " + path, response, failure));
        });
    }

    private JsonNode answer(String call, HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            throw new AmbiguousOutcome(call + ": no answer (" + cause.getClass().getSimpleName() + ")", cause);
        }
        dialect.usedWeightHeader().flatMap(header -> response.headers().firstValue(header)).ifPresent(used -> {
            try {
                limiter.observeUsage(WEIGHT_LIMIT, Long.parseLong(used.trim()));
            } catch (NumberFormatException ignored) {
                // a header we cannot read corrects nothing
            }
        });
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            Duration retryAfter = Duration.ofSeconds(response.headers().firstValue("Retry-After").map(BinanceLikeClient::seconds).orElse(60L));
            limiter.pauseUntil(clock.instant().plus(retryAfter), status == 418);
            throw new VenueBusy(call + ": " + (status == 418 ? "banned" : "rate limited") + " for " + retryAfter.toSeconds() + " s",
                    retryAfter);
        }
        if (status >= 500) {
            throw new AmbiguousOutcome(call + ": the venue answered " + status, null);
        }
        JsonNode json = parse(call, response.body());
        String code = json.path("code").asText("");
        if (status >= 400 && dialect.statusUnknownCodes().contains(code)) {
            // the venue's own "execution status unknown": the order may exist
            throw new AmbiguousOutcome(call + ": " + json.path("msg").asText("execution status unknown"), null);
        }
        if (status >= 400 && dialect.orderNotFoundCodes().contains(code)) {
            throw new OrderNotFound(code, json.path("msg").asText("order does not exist"));
        }
        if (status >= 400) {
            throw new VenueRejection(json.path("code").asText(String.valueOf(status)), json.path("msg").asText("HTTP " + status));
        }
        return json;
    }

    private static JsonNode parse(String call, String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AmbiguousOutcome(call + ": an answer that is not JSON", e);
        }
    }

    private static long seconds(String value) {
        try {
            return Math.max(1, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    static VenueOrder order(JsonNode json) {
        OrderStatus status = switch (json.path("status").asText()) {
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED", "PARTIALLY_CANCELED" -> OrderStatus.CANCELLED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            case "REJECTED" -> OrderStatus.REJECTED;
            default -> OrderStatus.ACCEPTED;
        };
        return new VenueOrder(json.path("symbol").asText(), json.path("clientOrderId").asText(), json.path("orderId").asText(),
                status, new BigDecimal(json.path("executedQty").asText("0")),
                new BigDecimal(json.path("cummulativeQuoteQty").asText("0")));
    }

    private static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
