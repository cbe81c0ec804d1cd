package dev.tradefleet.connector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A venue that misbehaves on demand: a proxy in front of the real paper exchange that, for the next requests
 * matching a method and path, answers 429 or 418 without forwarding, or forwards and then loses the answer
 * (503, or silence until the caller times out). Everything else passes through unchanged.
 */
public final class FaultyVenue implements AutoCloseable {

    public enum Fault {
        /** Turned away before the venue saw it. */
        RATE_LIMITED,
        /** Turned away before the venue saw it, and the caller banned for a while. */
        BANNED,
        /** Executed by the venue; the answer replaced by a 503. */
        ANSWER_LOST,
        /** Executed by the venue; no answer for longer than the caller waits. */
        SILENT
    }

    private record Planned(String method, String path, Fault fault) {
    }

    /** A request that reached the venue; {@code query} is the raw query string, empty when there was none. */
    public record Forwarded(String method, String path, String query) {
        public boolean is(String method, String path) {
            return this.method.equals(method) && this.path.equals(path);
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade");

    private final URI venue;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ConcurrentLinkedQueue<Planned> planned = new ConcurrentLinkedQueue<>();
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();

    public FaultyVenue(URI venue) {
        this.venue = venue;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request to {@code method path} meets {@code fault}. */
    public void plan(String method, String path, Fault fault) {
        planned.add(new Planned(method, path, fault));
    }

    /** Every request that reached the venue, in order. */
    public List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    private Fault take(String method, String path) {
        for (Planned p : planned) {
            if (p.method().equals(method) && p.path().equals(path) && planned.remove(p)) {
                return p.fault();
            }
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Fault fault = take(method, path);
        try {
            if (fault == Fault.RATE_LIMITED || fault == Fault.BANNED) {
                exchange.getResponseHeaders().set("Retry-After", fault == Fault.BANNED ? "2" : "1");
                answer(exchange, fault == Fault.BANNED ? 418 : 429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(venue.resolve(path + (query == null ? "" : "?" + query)))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            forwarded.add(new Forwarded(method, path, query == null ? "" : query));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (fault == Fault.ANSWER_LOST) {
                answer(exchange, 503, "Service Unavailable");
                return;
            }
            if (fault == Fault.SILENT) {
                Thread.sleep(Duration.ofSeconds(5).toMillis());
                exchange.close();
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
