package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.ClockRefusal;
import dev.tradefleet.connector.venue.OrderNotFound;
import dev.tradefleet.connector.venue.VenueBusy;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.http.VenueWire;
import dev.tradefleet.connector.venue.signing.Hmac;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The wire of a Binance-family venue, public and SIGNED calls alike, over the fleet's {@link VenueWire}. A
 * {@code {"code","msg"}} body on a 4xx is a rejection, except the venue's own "status unknown" (ambiguous), clock
 * refusals and "no such order"; Binance's used-weight header corrects the limiter, and its "too many new orders"
 * holds only the account that placed them.
 */
final class BinanceLikeHttp {

    static final String WEIGHT_LIMIT = "REQUEST_WEIGHT";
    static final Duration RECEIVE_WINDOW = Duration.ofSeconds(5);
    /** A 429 or 418 that names no {@code Retry-After}. */
    private static final Duration USUAL_PAUSE = Duration.ofSeconds(60);
    /** Binance's "too many new orders" for one account, and the order-count window it waits out. */
    private static final String ORDER_RATE_CODE = "-1015";
    private static final Duration ORDER_RATE_PAUSE = Duration.ofSeconds(10);

    private final Dialect dialect;
    private final VenueWire wire;
    private final String apiKey;
    private final String secret;

    BinanceLikeHttp(Dialect dialect, URI baseUrl, VenueLimiter limiter, HttpClient http, Clock clock, Duration timeout) {
        this.dialect = dialect;
        this.wire = new VenueWire(baseUrl, limiter, http, clock, timeout, RECEIVE_WINDOW, USUAL_PAUSE, this::inspect);
        this.apiKey = null;
        this.secret = null;
    }

    private BinanceLikeHttp(BinanceLikeHttp unsigned, String apiKey, String secret) {
        this.dialect = unsigned.dialect;
        this.wire = unsigned.wire;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    /** The same wire, signing with one account's key. */
    BinanceLikeHttp signedAs(String apiKey, String secret) {
        return new BinanceLikeHttp(this, apiKey, secret);
    }

    /** A public call; {@code query} already encoded. */
    CompletionStage<JsonNode> call(String method, String path, String query, VenueRequest cost) {
        return wire.send(method, path, cost, null, timestamp -> HttpRequest.newBuilder(wire.endpoint(query.isEmpty() ? path : path + "?" + query))
                .method(method, HttpRequest.BodyPublishers.noBody())).thenApply(response -> read(method + " " + path, response));
    }

    /**
     * Waits for the limiter, signs (parameters in the query for GET and DELETE, in the form body for POST unless the
     * venue wants them in the query too), sends.
     */
    CompletionStage<JsonNode> signed(String method, String path, Map<String, String> params, VenueRequest cost) {
        return signed(method, path, params, cost, null);
    }

    /**
     * A placement, signed as of {@code recordedAt} (when the order was written down as being sent): the venue
     * refuses it once the receive window after that has passed, so an order the connector gives up on after the
     * window can never be executed late. Held by the limiter past the window, it is not sent at all.
     */
    CompletionStage<JsonNode> signed(String method, String path, Map<String, String> params, VenueRequest cost, Instant recordedAt) {
        return wire.send(method, path, cost, recordedAt, timestamp -> {
            Map<String, String> all = new LinkedHashMap<>(params);
            all.put("recvWindow", String.valueOf(RECEIVE_WINDOW.toMillis()));
            all.put("timestamp", String.valueOf(timestamp));
            String encoded = encode(all);
            boolean inBody = method.equals("POST") && !dialect.signsEverythingInTheQuery();
            String signature = Hmac.queryAndBody(secret, inBody ? "" : encoded, inBody ? encoded : "");
            String signedParams = encoded + "&signature=" + signature;
            HttpRequest.Builder request = HttpRequest.newBuilder(wire.endpoint(inBody ? path : path + "?" + signedParams))
                    .header(dialect.apiKeyHeader(), apiKey);
            return inBody
                    ? request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(signedParams))
                    : request.method(method, HttpRequest.BodyPublishers.noBody());
        }).thenApply(response -> read(method + " " + path, response));
    }

    private void inspect(String call, HttpResponse<String> response) {
        dialect.usedWeightHeader().flatMap(header -> response.headers().firstValue(header)).ifPresent(used -> {
            try {
                wire.limiter().observeUsage(WEIGHT_LIMIT, Long.parseLong(used.trim()));
            } catch (NumberFormatException ignored) {
                // a header we cannot read corrects nothing
            }
        });
        if (response.statusCode() == 429 && response.headers().firstValue("Retry-After").isEmpty()
                && ORDER_RATE_CODE.equals(codeOf(response.body()))) {
            // one account's unfilled-order count (-1015) is over: that account waits, the venue's other accounts do not
            throw new VenueBusy(call + ": too many new orders on this account", ORDER_RATE_PAUSE);
        }
    }

    private JsonNode read(String call, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode json = VenueWire.json(call, response.body());
        String code = json.path("code").asText("");
        if (status >= 400 && dialect.statusUnknownCodes().contains(code)) {
            // the venue's own "execution status unknown": the order may exist
            throw new AmbiguousOutcome(call + ": " + json.path("msg").asText("execution status unknown"), null);
        }
        if (status >= 400 && dialect.clockRefusalCodes().contains(code)) {
            throw new ClockRefusal(code, json.path("msg").asText("timestamp outside the receive window"));
        }
        if (status >= 400 && dialect.orderNotFoundCodes().contains(code)) {
            throw new OrderNotFound(code, json.path("msg").asText("order does not exist"));
        }
        if (status >= 400) {
            throw new VenueRejection(json.path("code").asText(String.valueOf(status)), json.path("msg").asText("HTTP " + status));
        }
        return json;
    }

    private static String codeOf(String body) {
        try {
            return VenueWire.json("", body).path("code").asText("");
        } catch (AmbiguousOutcome notJson) {
            return "";
        }
    }

    private static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
