package dev.tradefleet.connector.venue.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.threads.DaemonThreads;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.VenueBusy;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The HTTP wire every venue adapter sends through. Each call waits for the venue's limiter; a placement the limiter
 * held past its receive window is not sent; and what every venue answers alike is sorted alike: no answer or a 5xx
 * is {@link AmbiguousOutcome} (never a rejection), a 429 or 418 is {@link VenueBusy} and pauses every caller of the
 * venue for the {@code Retry-After} (or the venue's usual pause when it names none). What is left, the venue's own
 * answer or refusal, is for the adapter to read.
 */
public final class VenueWire {

    /** Looks at every answer first (a usage header to correct the limiter, a venue's own kind of "not now"); may throw. */
    public interface Inspector {
        void inspect(String call, HttpResponse<String> response);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Time left for the request to travel: less than this left of the window, a placement is not sent. */
    private static final Duration SENDING_MARGIN = Duration.ofMillis(500);

    /**
     * Requests are sent with the blocking {@code HttpClient.send} on these threads rather than with {@code sendAsync}:
     * the JDK completes every {@code sendAsync} in the common pool, which on a machine of two cores or fewer is a
     * new thread per answer. At most this many requests are on the wire at once; the others queue.
     */
    private static final ThreadPoolExecutor SENDERS = senders(64);

    private final String base;
    private final VenueLimiter limiter;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final Duration receiveWindow;
    private final Duration usualPause;
    private final Inspector inspector;

    /**
     * @param baseUrl       the venue's base URL; it may carry a path of its own (the paper exchange's MEXC face, {@code /mexc})
     * @param receiveWindow how long after it was signed the venue still executes a request
     * @param usualPause    how long a 429 or 418 without {@code Retry-After} holds the venue's callers
     */
    public VenueWire(URI baseUrl, VenueLimiter limiter, HttpClient http, Clock clock, Duration timeout, Duration receiveWindow,
                     Duration usualPause, Inspector inspector) {
        String url = baseUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.limiter = limiter;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
        this.receiveWindow = receiveWindow;
        this.usualPause = usualPause;
        this.inspector = inspector;
    }

    public Clock clock() {
        return clock;
    }

    public VenueLimiter limiter() {
        return limiter;
    }

    /** Paths go after the base URL's own path. */
    public URI endpoint(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /**
     * Waits for the limiter, then sends the request {@code build} makes for the signing moment (in epoch
     * milliseconds): {@code recordedAt} for a placement (when it was written down as being sent, so the venue
     * refuses it once the window after that has passed), else now. Completes with any answer below 500 but 429.
     */
    public CompletionStage<HttpResponse<String>> send(String method, String path, VenueRequest cost, Instant recordedAt,
                                                      LongFunction<HttpRequest.Builder> build) {
        return limiter.acquire(cost).thenCompose(permit -> {
            if (recordedAt != null && clock.instant().isAfter(recordedAt.plus(receiveWindow).minus(SENDING_MARGIN))) {
                throw new VenueBusy(method + " " + path + ": held past its receive window, not sent", Duration.ZERO);
            }
            HttpRequest request = build.apply(recordedAt == null ? clock.millis() : recordedAt.toEpochMilli()).timeout(timeout).build();
            return CompletableFuture.supplyAsync(() -> exchange(request), SENDERS)
                    .handle((response, failure) -> sorted(method + " " + (failure == null ? path : endpoint(path)), response, failure));
        });
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static ThreadPoolExecutor senders(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("venue-http"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private HttpResponse<String> sorted(String call, HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            throw new AmbiguousOutcome(call + ": no answer (" + cause.getClass().getSimpleName() + ")", cause);
        }
        inspector.inspect(call, response);
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            Duration retryAfter = response.headers().firstValue("Retry-After").map(VenueWire::seconds).map(Duration::ofSeconds).orElse(usualPause);
            limiter.pauseUntil(clock.instant().plus(retryAfter), status == 418);
            throw new VenueBusy(call + ": " + (status == 418 ? "banned" : "rate limited") + " for " + retryAfter.toSeconds() + " s", retryAfter);
        }
        if (status >= 500) {
            throw new AmbiguousOutcome(call + ": the venue answered " + status, null);
        }
        return response;
    }

    /** The answer's JSON; one that is not JSON is no answer at all. */
    public static JsonNode json(String call, String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AmbiguousOutcome(call + ": an answer that is not JSON", e);
        }
    }

    /** A query string in key order, each value URL-encoded: what the venues that sign their query as sent are sent. */
    public static String sortedQuery(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static long seconds(String value) {
        try {
            return Math.max(1, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }
}
