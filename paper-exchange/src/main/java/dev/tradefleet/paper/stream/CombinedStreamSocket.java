package dev.tradefleet.paper.stream;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Several streams on one socket, {@code /stream?streams=a/b}; each payload arrives as {@code {"stream", "data"}}. */
@WebSocket(path = "/stream")
public class CombinedStreamSocket {

    @Inject
    StreamHub hub;
    @Inject
    Senders senders;

    @OnOpen
    void open(WebSocketConnection connection) {
        String query = connection.handshakeRequest().query();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("streams=")) {
                for (String stream : URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8).split("/")) {
                    hub.subscribe(stream, senders.of(connection, stream));
                }
            }
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        senders.forget(connection).forEach(hub::unsubscribe);
    }
}
