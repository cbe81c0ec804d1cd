package dev.tradefleet.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * auth-service's client-credentials token endpoint and credentials-service's internal API as the connector uses
 * them (the same paths, bodies and status codes), over real HTTP: the material is only given for the token that
 * was issued to the connector's client id and secret. The real services are exercised end to end in
 * fleet-devstack; here the tests need to hold the key material and see the verdicts.
 */
public final class FakeCredentialsService implements AutoCloseable {

    public static final String CLIENT_ID = "exchange-connector";
    public static final String CLIENT_SECRET = "connector-secret-" + UUID.randomUUID();

    public record Credential(UUID id, UUID userId, String exchange, String environment, boolean active, String apiKey,
                             String secretKey) {
    }

    public record Verdict(UUID credentialId, String status, String reason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<UUID, Credential> credentials = new ConcurrentHashMap<>();
    private final List<Verdict> verdicts = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> issued = new ConcurrentHashMap<>();
    private final Map<UUID, String> createdWith = new ConcurrentHashMap<>();
    private final AtomicInteger materialReads = new AtomicInteger();

    public FakeCredentialsService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/auth/token", this::token);
        server.createContext("/internal/credentials/", this::internal);
        server.createContext("/credentials", this::create);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void put(Credential credential) {
        credentials.put(credential.id(), credential);
    }

    public void remove(UUID id) {
        credentials.remove(id);
    }

    public List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    public int materialReads() {
        return materialReads.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!exchange.getRequestMethod().equals("POST") || !form.contains("grant_type=client_credentials")
                || !form.contains("client_id=" + CLIENT_ID) || !form.contains("client_secret=" + CLIENT_SECRET)) {
            answer(exchange, 401, Map.of("title", "Unauthorized"));
            return;
        }
        String token = "token-" + UUID.randomUUID();
        issued.put(token, true);
        answer(exchange, 200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", 300));
    }

    /** {@code POST /credentials} as a user: the fake trusts the token's subject (the real service verifies it). */
    private void create(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/credentials")
                || auth == null || !auth.startsWith("Bearer ")) {
            answer(exchange, 401, Map.of("title", "Unauthorized"));
            return;
        }
        String[] parts = auth.substring(7).split("\\.");
        UUID userId = UUID.fromString(JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1])).path("sub").asText());
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        Credential credential = new Credential(UUID.randomUUID(), userId, body.path("exchange").asText(), body.path("environment").asText(),
                true, body.path("apiKey").asText(), body.path("secretKey").asText());
        put(credential);
        createdWith.put(credential.id(), auth.substring(7));
        answer(exchange, 201, Map.of("id", credential.id(), "exchange", credential.exchange(), "environment", credential.environment(),
                "label", body.path("label").asText(), "status", "untested"));
    }

    /** The credential as it was stored, and the bearer token it was created with. */
    public Credential credential(UUID id) {
        return credentials.get(id);
    }

    public String createdWith(UUID id) {
        return createdWith.get(id);
    }

    private void internal(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !issued.containsKey(auth.substring(7))) {
            answer(exchange, 401, Map.of("title", "Unauthorized"));
            return;
        }
        String[] path = exchange.getRequestURI().getPath().split("/");
        UUID id;
        try {
            id = UUID.fromString(path[3]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            answer(exchange, 404, Map.of("title", "Not Found"));
            return;
        }
        Credential credential = credentials.get(id);
        if (credential == null) {
            answer(exchange, 404, Map.of("title", "Not Found"));
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && path.length == 5 && path[4].equals("secret")) {
            materialReads.incrementAndGet();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", credential.id());
            view.put("userId", credential.userId());
            view.put("exchange", credential.exchange());
            view.put("environment", credential.environment());
            view.put("label", "main");
            view.put("active", credential.active());
            view.put("apiKey", credential.apiKey());
            view.put("secretKey", credential.secretKey());
            view.put("passphrase", null);
            answer(exchange, 200, view);
        } else if (exchange.getRequestMethod().equals("PUT") && path.length == 5 && path[4].equals("status")) {
            JsonNode report = JSON.readTree(exchange.getRequestBody());
            verdicts.add(new Verdict(id, report.path("status").asText(), report.path("reason").asText()));
            answer(exchange, 200, Map.of("id", id, "status", report.path("status").asText()));
        } else {
            answer(exchange, 405, Map.of("title", "Method Not Allowed"));
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
