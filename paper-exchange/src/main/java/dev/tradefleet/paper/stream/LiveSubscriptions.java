package dev.tradefleet.paper.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The market streams of each connection, as Binance lets a client change them while connected:
 * {@code {"method":"SUBSCRIBE"|"UNSUBSCRIBE","params":[stream, …],"id":n}} answered {@code {"result":null,"id":n}},
 * {@code LIST_SUBSCRIPTIONS} answered with the connection's streams, anything else with Binance's
 * {@code {"code","msg","id"}} error.
 */
@Singleton
public class LiveSubscriptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STREAM = Pattern.compile("[a-z0-9]{1,20}@(trade|bookTicker|depth)");
    /** Binance's most streams on one connection. */
    private static final int MAX_STREAMS = 1024;

    @Inject
    StreamHub hub;
    @Inject
    Senders senders;

    private final Map<String, Map<String, Consumer<String>>> byConnection = new ConcurrentHashMap<>();

    /** Adds {@code stream} to the connection's; its payloads come wrapped with their name on a combined connection. */
    public void subscribe(WebSocketConnection connection, String stream, boolean combined) {
        byConnection.computeIfAbsent(connection.id(), id -> new ConcurrentHashMap<>()).computeIfAbsent(stream, name -> {
            Consumer<String> sender = senders.of(connection, combined ? name : null);
            hub.subscribe(name, sender);
            return sender;
        });
    }

    /** The answer to a request sent on a market stream connection. */
    public String answer(WebSocketConnection connection, String message, boolean combined) {
        JsonNode request;
        try {
            request = JSON.readTree(message);
        } catch (Exception e) {
            return error(3, "Invalid JSON: " + e.getClass().getSimpleName(), null);
        }
        JsonNode id = request == null ? null : request.get("id");
        if (request == null || !request.path("method").isTextual()) {
            return error(2, "Invalid request: method must be a string", id);
        }
        String method = request.path("method").asText();
        if (method.equals("LIST_SUBSCRIPTIONS")) {
            return result(new TreeSet<>(byConnection.getOrDefault(connection.id(), Map.of()).keySet()), id);
        }
        if (!method.equals("SUBSCRIBE") && !method.equals("UNSUBSCRIBE")) {
            return error(2, "Invalid request: unknown method " + method, id);
        }
        List<String> streams = new ArrayList<>();
        for (JsonNode param : request.path("params")) {
            if (!param.isTextual() || !STREAM.matcher(param.asText()).matches()) {
                return error(2, "Invalid request: unknown stream " + param, id);
            }
            streams.add(param.asText());
        }
        Map<String, Consumer<String>> current = byConnection.computeIfAbsent(connection.id(), key -> new ConcurrentHashMap<>());
        if (method.equals("SUBSCRIBE")) {
            if (current.size() + streams.size() > MAX_STREAMS) {
                return error(2, "Invalid request: at most " + MAX_STREAMS + " streams on one connection", id);
            }
            streams.forEach(stream -> subscribe(connection, stream, combined));
        } else {
            streams.forEach(stream -> {
                Consumer<String> sender = current.remove(stream);
                if (sender != null) {
                    hub.unsubscribe(sender);
                    senders.drop(connection, sender);
                }
            });
        }
        return result(null, id);
    }

    public void closed(WebSocketConnection connection) {
        byConnection.remove(connection.id());
        senders.forget(connection).forEach(hub::unsubscribe);
    }

    private static String result(Object result, JsonNode id) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", result);
        answer.put("id", id);
        return write(answer);
    }

    private static String error(int code, String message, JsonNode id) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("msg", message);
        answer.put("id", id);
        return write(answer);
    }

    private static String write(Map<String, Object> answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
