package dev.tradefleet.connector.venue.gateio;

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

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Gate.io API v4 over the fleet's {@link VenueWire}. A 2xx answer is the resource itself; anything else carries
 * {@code {"label","message"}}: the venue's refusal, except its server trouble (ambiguous), a request timestamp too
 * far from its clock, and an order it does not have (by id or by client order id).
 */
final class GateioHttp {

    /**
     * Gate.io takes a signed request up to 60 s from its {@code Timestamp}, and has no shorter window for an order:
     * a placement is signed as of when it was recorded, so it can never be executed later than this after.
     */
    static final Duration RECEIVE_WINDOW = Duration.ofSeconds(60);
    /** Gate.io's limits are per second or per 10 s; a 429 without {@code Retry-After} holds the venue for a second. */
    private static final Duration USUAL_PAUSE = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SERVER_TROUBLE = Set.of("INTERNAL", "SERVER_ERROR", "TOO_BUSY");
    private static final Set<String> NOT_FOUND = Set.of("ORDER_NOT_FOUND", "CLIENT_ID_NOT_FOUND");
    private static final String EXPIRED = "REQUEST_EXPIRED";

    private final VenueWire wire;
    private final String apiKey;
    private final String secret;

    GateioHttp(VenueAdapter.Wiring wiring) {
        this(new VenueWire(wiring.restUrl(), wiring.limiter(), wiring.http(), wiring.clock(), wiring.timeout(), RECEIVE_WINDOW, USUAL_PAUSE,
                (call, response) -> { }), null, null);
    }

    private GateioHttp(VenueWire wire, String apiKey, String secret) {
        this.wire = wire;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    GateioHttp signedAs(String apiKey, String secret) {
        return new GateioHttp(wire, apiKey, secret);
    }

    static ObjectNode body() {
        return JSON.createObjectNode();
    }

    Instant now() {
        return wire.clock().instant();
    }

    /** A public GET. */
    CompletionStage<JsonNode> get(String path, Map<String, String> query, VenueRequest cost) {
        String target = target(path, VenueWire.sortedQuery(query));
        return wire.send("GET", path, cost, null, timestamp -> HttpRequest.newBuilder(wire.endpoint(target)).GET())
                .thenApply(response -> answer("GET " + path, response));
    }

    /**
     * A signed call; with {@code recordedAt} (a placement) signed as of then, so Gate.io refuses it once its window has
     * passed and the limiter never sends it late.
     */
    CompletionStage<JsonNode> signed(String method, String path, Map<String, String> query, ObjectNode body, VenueRequest cost, Instant recordedAt) {
        String encoded = VenueWire.sortedQuery(query);
        // Gate.io signs the query as it reads it: unescaped
        String signedQuery = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        String json = body == null ? "" : body.toString();
        return wire.send(method, path, cost, recordedAt, timestamp -> {
            var uri = wire.endpoint(target(path, encoded));
            long seconds = timestamp / 1000;
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("KEY", apiKey)
                    .header("Timestamp", String.valueOf(seconds))
                    .header("SIGN", GateioSigner.signature(secret, method, uri.getRawPath(), signedQuery, json, seconds))
                    .header("Accept", "application/json");
            return body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }).thenApply(response -> answer(method + " " + path, response));
    }

    private static JsonNode answer(String call, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode json = VenueWire.json(call, response.body().isEmpty() ? "null" : response.body());
        if (status < 300) {
            return json;
        }
        String label = json.path("label").asText("");
        String message = json.hasNonNull("message") ? json.path("message").asText() : json.path("detail").asText("HTTP " + status);
        if (SERVER_TROUBLE.contains(label)) {
            throw new AmbiguousOutcome(call + ": " + label + " " + message, null);
        }
        if (EXPIRED.equals(label)) {
            throw new ClockRefusal(label, message);
        }
        if (NOT_FOUND.contains(label)) {
            throw new OrderNotFound(label, message);
        }
        throw new VenueRejection(label.isEmpty() ? String.valueOf(status) : label, message);
    }

    private static String target(String path, String query) {
        return query.isEmpty() ? path : path + "?" + query;
    }
}
