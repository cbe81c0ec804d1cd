package dev.tradefleet.connector.venue.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.ClockRefusal;
import dev.tradefleet.connector.venue.OrderNotFound;
import dev.tradefleet.connector.venue.VenueAdapter;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.http.VenueWire;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Bitget API v2 over the fleet's {@link VenueWire}. Every answer is an envelope {@code {"code","msg","data"}}: code
 * {@code 00000} carries {@code data}; any other code is the venue's refusal, whatever the HTTP status, except its
 * "system abnormal" (ambiguous: the order may exist), a duplicate client order id (an order of that id exists:
 * ambiguous until asked for), an expired timestamp (a matter of clocks) and an order it does not have.
 */
final class BitgetHttp {

    /** Placements carry {@code receiveWindow} so the venue refuses one that arrives later than this after it was signed. */
    static final Duration RECEIVE_WINDOW = Duration.ofSeconds(5);
    /** Bitget names no wait on its 429; its limits are per second. */
    private static final Duration USUAL_PAUSE = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUCCESS = "00000";
    private static final Set<String> SYSTEM_ABNORMAL = Set.of("40015");
    /** The codes Bitget documents for a client order id it already has (which one spot v2 answers is not said). */
    private static final Set<String> DUPLICATE_CLIENT_ID = Set.of("43118", "40786", "40708", "45034");
    private static final Set<String> TIMESTAMP_EXPIRED = Set.of("40008");
    /** Spot's "the order does not exist", and the data-not-found code some of its order endpoints answer. */
    private static final Set<String> ORDER_NOT_FOUND = Set.of("43001", "40109");

    private final VenueWire wire;
    private final String apiKey;
    private final String secret;
    private final String passphrase;

    BitgetHttp(VenueAdapter.Wiring wiring) {
        this(new VenueWire(wiring.restUrl(), wiring.limiter(), wiring.http(), wiring.clock(), wiring.timeout(), RECEIVE_WINDOW, USUAL_PAUSE,
                (call, response) -> { }), null, null, null);
    }

    private BitgetHttp(VenueWire wire, String apiKey, String secret, String passphrase) {
        this.wire = wire;
        this.apiKey = apiKey;
        this.secret = secret;
        this.passphrase = passphrase;
    }

    BitgetHttp signedAs(String apiKey, String secret, String passphrase) {
        return new BitgetHttp(wire, apiKey, secret, passphrase);
    }

    static ObjectNode body() {
        return JSON.createObjectNode();
    }

    /** A public GET; completes with the envelope's {@code data}. */
    CompletionStage<JsonNode> get(String path, Map<String, String> query, VenueRequest cost) {
        String target = target(path, VenueWire.sortedQuery(query));
        return wire.send("GET", path, cost, null, timestamp -> HttpRequest.newBuilder(wire.endpoint(target)).GET())
                .thenApply(response -> data("GET " + path, response));
    }

    /** A signed GET, its query in key order as Bitget's own clients send it. */
    CompletionStage<JsonNode> signedGet(String path, Map<String, String> query, VenueRequest cost) {
        String encoded = VenueWire.sortedQuery(query);
        return wire.send("GET", path, cost, null, timestamp -> signed(HttpRequest.newBuilder(wire.endpoint(target(path, encoded))).GET(),
                timestamp, "GET", path, encoded, "")).thenApply(response -> data("GET " + path, response));
    }

    /**
     * A signed POST of a JSON body. With {@code recordedAt} (a placement) the body carries the signing moment and
     * {@link #RECEIVE_WINDOW}, so the venue refuses it if it arrives late, and the limiter does not send it late.
     */
    CompletionStage<JsonNode> signedPost(String path, ObjectNode body, VenueRequest cost, Instant recordedAt) {
        return wire.send("POST", path, cost, recordedAt, timestamp -> {
            ObjectNode sent = body.deepCopy();
            if (recordedAt != null) {
                sent.put("requestTime", String.valueOf(timestamp));
                sent.put("receiveWindow", String.valueOf(RECEIVE_WINDOW.toMillis()));
            }
            String json = sent.toString();
            return signed(HttpRequest.newBuilder(wire.endpoint(path)).POST(HttpRequest.BodyPublishers.ofString(json)), timestamp, "POST", path,
                    "", json);
        }).thenApply(response -> data("POST " + path, response));
    }

    private HttpRequest.Builder signed(HttpRequest.Builder request, long timestamp, String method, String path, String query, String body) {
        return request.header("ACCESS-KEY", apiKey)
                .header("ACCESS-SIGN", BitgetSigner.signature(secret, timestamp, method, path, query, body))
                .header("ACCESS-TIMESTAMP", String.valueOf(timestamp))
                .header("ACCESS-PASSPHRASE", passphrase == null ? "" : passphrase)
                .header("Content-Type", "application/json")
                .header("locale", "en-US");
    }

    private static JsonNode data(String call, HttpResponse<String> response) {
        JsonNode json = VenueWire.json(call, response.body());
        String code = json.path("code").asText("");
        if (SUCCESS.equals(code) && response.statusCode() < 400) {
            return json.path("data");
        }
        String message = json.hasNonNull("msg") ? json.path("msg").asText() : json.path("message").asText("HTTP " + response.statusCode());
        if (SYSTEM_ABNORMAL.contains(code)) {
            throw new AmbiguousOutcome(call + ": " + message, null);
        }
        if (DUPLICATE_CLIENT_ID.contains(code)) {
            throw new AmbiguousOutcome(call + ": the venue already has an order of this client order id (" + message + ")", null);
        }
        if (TIMESTAMP_EXPIRED.contains(code)) {
            throw new ClockRefusal(code, message);
        }
        if (ORDER_NOT_FOUND.contains(code)) {
            throw new OrderNotFound(code, message);
        }
        throw new VenueRejection(code.isEmpty() ? String.valueOf(response.statusCode()) : code, message);
    }

    private static String target(String path, String query) {
        return query.isEmpty() ? path : path + "?" + query;
    }
}
