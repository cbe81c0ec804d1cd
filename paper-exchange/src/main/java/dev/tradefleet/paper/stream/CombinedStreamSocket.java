package dev.tradefleet.paper.stream;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Several streams on one socket, {@code /stream?streams=a/b}, more or fewer later by SUBSCRIBE and UNSUBSCRIBE
 * ({@link LiveSubscriptions}); each payload arrives as {@code {"stream", "data"}}.
 */
@WebSocket(path = "/stream")
public class CombinedStreamSocket {

    @Inject
    LiveSubscriptions subscriptions;

    @OnOpen
    void open(WebSocketConnection connection) {
        String query = connection.handshakeRequest().query();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("streams=")) {
                for (String stream : URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8).split("/")) {
                    subscriptions.subscribe(connection, stream, true);
                }
            }
        }
    }

    @OnTextMessage
    String onMessage(String message, WebSocketConnection connection) {
        return subscriptions.answer(connection, message, true);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        subscriptions.closed(connection);
    }
}
