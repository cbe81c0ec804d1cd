package dev.tradefleet.paper.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import dev.tradefleet.paper.stream.Senders;
import dev.tradefleet.paper.stream.StreamEvents;
import dev.tradefleet.paper.stream.StreamHub;
import dev.tradefleet.paper.venue.Venue;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binance's WebSocket API ({@code /ws-api/v3}): {@code ping}, {@code time}, and
 * {@code userDataStream.subscribe.signature}, after which this connection receives the account's
 * executionReport and outboundAccountPosition events. The signature covers the other params sorted by name.
 */
@WebSocket(path = "/ws-api/v3")
public class WebSocketApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    StreamHub hub;
    @Inject
    Senders senders;
    @Inject
    SignedRequests signed;

    @OnTextMessage
    String onMessage(String message, WebSocketConnection connection) {
        JsonNode request;
        try {
            request = JSON.readTree(message);
        } catch (Exception e) {
            return answer(null, 400, Map.of("code", -1100, "msg", "Malformed request."));
        }
        JsonNode id = request.get("id");
        String method = request.path("method").asText();
        try {
            return switch (method) {
                case "ping" -> answer(id, 200, Map.of());
                case "time" -> answer(id, 200, Map.of("serverTime", System.currentTimeMillis()));
                case "userDataStream.subscribe.signature" -> subscribe(id, request.path("params"), connection);
                default -> answer(id, 400, Map.of("code", -1102, "msg", "Unknown method '" + method + "'."));
            };
        } catch (BinanceException e) {
            return answer(id, e.status(), Map.of("code", e.code(), "msg", e.getMessage()));
        }
    }

    private String subscribe(JsonNode id, JsonNode params, WebSocketConnection connection) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.properties().forEach(f -> sorted.put(f.getKey(), f.getValue().asText()));
        String signature = sorted.remove("signature");
        String apiKey = sorted.get("apiKey");
        StringBuilder payload = new StringBuilder();
        sorted.forEach((k, v) -> payload.append(payload.length() == 0 ? "" : "&").append(k).append('=').append(v));
        String query = payload + (signature == null ? "" : "&signature=" + signature);
        SignedRequests.Signed verified = signed.verify(Venue.Api.BINANCE, apiKey, Params.of(query, null));
        hub.subscribeAccount(verified.account(), senders.of(connection, null));
        return answer(id, 200, Map.of("subscriptionId", 0));
    }

    @OnClose
    void close(WebSocketConnection connection) {
        senders.forget(connection).forEach(hub::unsubscribe);
    }

    private static String answer(JsonNode id, int status, Map<String, Object> body) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id == null ? null : id.isNumber() ? id.numberValue() : id.asText());
        response.put("status", status);
        response.put(status == 200 ? "result" : "error", body);
        return StreamEvents.json(response);
    }
}
