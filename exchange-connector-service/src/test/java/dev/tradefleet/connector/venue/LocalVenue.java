package dev.tradefleet.connector.venue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * A local HTTP server standing in for a venue in an adapter's test: each request as it arrived (raw path and query,
 * body, headers), answered by the test with the venue's documented bodies.
 */
public final class LocalVenue implements AutoCloseable {

    public record Request(String method, String path, String query, String body, Headers headers) {
    }

    public record Answer(int status, Map<String, String> headers, String body) {

        public Answer(int status, String body) {
            this(status, Map.of(), body);
        }
    }

    private final HttpServer server;
    private final Function<Request, Answer> venue;

    public LocalVenue(Function<Request, Answer> venue) {
        this.venue = venue;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    /** The server's base URL, with {@code path} (e.g. {@code /api/v4}) or "". */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void serve(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), exchange.getRequestHeaders());
        Answer answer = venue.apply(request);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
