package dev.tradefleet.paper.stream;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The senders a connection registered, so that closing it unsubscribes all of them. */
@Singleton
public class Senders {

    private final Map<String, List<Consumer<String>>> byConnection = new ConcurrentHashMap<>();

    /** A sender writing to {@code connection}; with a stream name, payloads are wrapped as a combined stream's. */
    public Consumer<String> of(WebSocketConnection connection, String combinedStream) {
        Consumer<String> sender = payload -> {
            if (connection.isOpen()) {
                String text = combinedStream == null ? payload : "{\"stream\":\"" + combinedStream + "\",\"data\":" + payload + "}";
                connection.sendText(text).subscribe().with(ok -> { }, failure -> { });
            }
        };
        byConnection.computeIfAbsent(connection.id(), id -> new CopyOnWriteArrayList<>()).add(sender);
        return sender;
    }

    /** One sender of the connection is no longer used (its stream unsubscribed). */
    public void drop(WebSocketConnection connection, Consumer<String> sender) {
        List<Consumer<String>> senders = byConnection.get(connection.id());
        if (senders != null) {
            senders.remove(sender);
        }
    }

    public List<Consumer<String>> forget(WebSocketConnection connection) {
        List<Consumer<String>> senders = byConnection.remove(connection.id());
        return senders == null ? List.of() : senders;
    }
}
