package dev.tradefleet.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * credentials-service and the exchange connector as order-service reads them, answering as they do (their JSON
 * shapes, 404 for what the caller does not own) and only to the token of the user whose data it is: a trader's
 * credentials and balances are registered under that trader's token.
 */
public final class FleetStub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TICKER = Pattern.compile("/connector/markets/binance/paper/symbols/([A-Z0-9]+)/ticker");
    private static final Pattern BALANCES = Pattern.compile("/connector/credentials/([0-9a-f-]+)/balances");

    private static FleetStub shared;

    private final HttpServer server;
    private final Map<String, List<Map<String, Object>>> credentialsByToken = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> balancesByCredential = new ConcurrentHashMap<>();
    private final Map<UUID, String> tokenOfCredential = new ConcurrentHashMap<>();
    private final Map<String, String> lastPrices = new ConcurrentHashMap<>(Map.of("BTCUSDT", "60000.00", "ETHUSDT", "3000.00"));
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** What the stand-in answers every request made with a token (401: a token refused; 500: the service failing). */
    private final Map<String, Integer> statusForToken = new ConcurrentHashMap<>();

    public static synchronized FleetStub shared() {
        if (shared == null) {
            shared = new FleetStub();
        }
        return shared;
    }

    private FleetStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A binance/paper credential of the token's user, holding {@code balances} (asset → free). */
    public UUID credential(String token, String status, Map<String, String> balances) {
        UUID id = UUID.randomUUID();
        credentialsByToken.computeIfAbsent(token, t -> new CopyOnWriteArrayList<>()).add(Map.of("id", id.toString(), "exchange", "binance",
                "environment", "paper", "label", "paper " + id.toString().substring(0, 4), "apiKey", "ab…yz", "active", true,
                "status", status, "createdAt", "2026-11-22T10:00:00Z"));
        balancesByCredential.put(id.toString(), balances.entrySet().stream()
                .map(b -> Map.<String, Object>of("asset", b.getKey(), "free", b.getValue(), "locked", "0")).toList());
        tokenOfCredential.put(id, token);
        return id;
    }

    /** Every request made with {@code token} is answered {@code status} with no body. */
    public void answerEveryRequest(String token, int status) {
        statusForToken.put(token, status);
    }

    /** The requests answered so far, as {@code "<path> <bearer token>"}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String token = auth.startsWith("Bearer ") ? auth.substring(7) : "";
        requests.add(path + " " + token);
        if (statusForToken.containsKey(token)) {
            exchange.sendResponseHeaders(statusForToken.get(token), -1);
            exchange.close();
            return;
        }
        Object body;
        Matcher ticker = TICKER.matcher(path);
        Matcher balances = BALANCES.matcher(path);
        if (path.equals("/credentials")) {
            body = credentialsByToken.getOrDefault(token, List.of());
        } else if (path.equals("/connector/markets/binance/paper/symbols")) {
            body = List.of(symbol("BTCUSDT", "BTC", "USDT", "0.01", "0.00001", "5"), symbol("ETHUSDT", "ETH", "USDT", "0.01", "0.0001", "5"));
        } else if (ticker.matches() && lastPrices.containsKey(ticker.group(1))) {
            String last = lastPrices.get(ticker.group(1));
            body = Map.of("symbol", ticker.group(1), "lastPrice", last, "bidPrice", last, "askPrice", last, "openPrice", last,
                    "highPrice", last, "lowPrice", last, "volume", "1", "quoteVolume", last, "priceChangePercent", "0");
        } else if (balances.matches() && token.equals(tokenOfCredential.get(UUID.fromString(balances.group(1))))) {
            body = balancesByCredential.get(balances.group(1));
        } else {
            body = null;
        }
        byte[] bytes = body == null ? "{\"status\":404,\"title\":\"Not found\",\"detail\":\"no such thing\"}".getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", body == null ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, Object> symbol(String symbol, String base, String quote, String tick, String step, String minNotional) {
        return Map.ofEntries(Map.entry("symbol", symbol), Map.entry("baseAsset", base), Map.entry("quoteAsset", quote),
                Map.entry("status", "TRADING"), Map.entry("tickSize", tick), Map.entry("minPrice", tick), Map.entry("maxPrice", "1000000"),
                Map.entry("stepSize", step), Map.entry("minQuantity", step), Map.entry("maxQuantity", "9000"),
                Map.entry("minNotional", minNotional));
    }
}
