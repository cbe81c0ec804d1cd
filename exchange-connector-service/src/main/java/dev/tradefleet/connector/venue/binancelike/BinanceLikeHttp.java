package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.ClockRefusal;
import dev.tradefleet.connector.venue.OrderNotFound;
import dev.tradefleet.connector.venue.VenueBusy;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.signing.Hmac;

import java.io.IOException;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The wire of a Binance-family venue, public and SIGNED calls alike: each waits for the venue's limiter, and every
 * answer is sorted the same way. A {@code {"code","msg"}} body on a 4xx is a rejection; 429 and 418 are "not now"
 * (the limiter pauses every caller for the {@code Retry-After}); a 5xx, a timeout, a dropped connection or the
 * venue's own "status unknown" is ambiguous, never a rejection.
 */
final class BinanceLikeHttp {

    static final String WEIGHT_LIMIT = "REQUEST_WEIGHT";
    static final Duration RECEIVE_WINDOW = Duration.ofSeconds(5);
    /** Time left for the request to travel: less than this left of the window, a placement is not sent. */
    private static final Duration SENDING_MARGIN = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Binance's "too many new orders" for one account, and the order-count window it waits out. */
    private static final String ORDER_RATE_CODE = "-1015";
    private static final Duration ORDER_RATE_PAUSE = Duration.ofSeconds(10);

    private final Dialect dialect;
    private final URI baseUrl;
    /** The base URL without a trailing slash: it may carry a path of its own (the paper exchange's MEXC face, {@code /mexc}). */
    private final String base;
    private final VenueLimiter limiter;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final String apiKey;
    private final String secret;

    BinanceLikeHttp(Dialect dialect, URI baseUrl, VenueLimiter limiter, HttpClient http, Clock clock, Duration timeout) {
        this(dialect, baseUrl, limiter, http, clock, timeout, null, null);
    }

    private BinanceLikeHttp(Dialect dialect, URI baseUrl, VenueLimiter limiter, HttpClient http, Clock clock, Duration timeout,
                            String apiKey, String secret) {
        this.dialect = dialect;
        this.baseUrl = baseUrl;
        String url = baseUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.limiter = limiter;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    /** The same wire, signing with one account's key. */
    BinanceLikeHttp signedAs(String apiKey, String secret) {
        return new BinanceLikeHttp(dialect, baseUrl, limiter, http, clock, timeout, apiKey, secret);
    }

    /** A public call; {@code query} already encoded. */
    CompletionStage<JsonNode> call(String method, String path, String query, VenueRequest cost) {
        return limiter.acquire(cost).thenCompose(permit -> send(method, path,
                HttpRequest.newBuilder(endpoint(query.isEmpty() ? path : path + "?" + query)).timeout(timeout)
                        .method(method, HttpRequest.BodyPublishers.noBody())));
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
        return limiter.acquire(cost).thenCompose(permit -> {
            if (recordedAt != null && clock.instant().isAfter(recordedAt.plus(RECEIVE_WINDOW).minus(SENDING_MARGIN))) {
                throw new VenueBusy(method + " " + path + ": held past its receive window, not sent", Duration.ZERO);
            }
            Map<String, String> all = new LinkedHashMap<>(params);
            all.put("recvWindow", String.valueOf(RECEIVE_WINDOW.toMillis()));
            all.put("timestamp", String.valueOf(recordedAt == null ? clock.millis() : recordedAt.toEpochMilli()));
            String encoded = encode(all);
            boolean inBody = method.equals("POST") && !dialect.signsEverythingInTheQuery();
            String signature = Hmac.queryAndBody(secret, inBody ? "" : encoded, inBody ? encoded : "");
            String signedParams = encoded + "&signature=" + signature;
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(inBody ? path : path + "?" + signedParams))
                    .timeout(timeout).header(dialect.apiKeyHeader(), apiKey);
            request = inBody
                    ? request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(signedParams))
                    : request.method(method, HttpRequest.BodyPublishers.noBody());
            return send(method, path, request);
        });
    }

    /** Paths go after the base URL's own path. */
    private URI endpoint(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private CompletionStage<JsonNode> send(String method, String path, HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> answer(method + " " + (failure == null ? path : endpoint(path)), response, failure));
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
        if (status == 429 && response.headers().firstValue("Retry-After").isEmpty() && ORDER_RATE_CODE.equals(codeOf(response.body()))) {
            // one account's unfilled-order count (-1015) is over: that account waits, the venue's other accounts do not
            throw new VenueBusy(call + ": too many new orders on this account", ORDER_RATE_PAUSE);
        }
        if (status == 429 || status == 418) {
            Duration retryAfter = Duration.ofSeconds(response.headers().firstValue("Retry-After").map(BinanceLikeHttp::seconds).orElse(60L));
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
            return JSON.readTree(body).path("code").asText("");
        } catch (IOException e) {
            return "";
        }
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

    private static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
