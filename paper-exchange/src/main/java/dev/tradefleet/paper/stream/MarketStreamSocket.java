package dev.tradefleet.paper.stream;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;

/** A raw market stream, {@code /ws/<symbol>@trade} and the like, as on Binance; others join it by SUBSCRIBE. */
@WebSocket(path = "/ws/{stream}")
public class MarketStreamSocket {

    @Inject
    LiveSubscriptions subscriptions;

    @OnOpen
    void open(WebSocketConnection connection) {
        subscriptions.subscribe(connection, connection.pathParam("stream"), false);
    }

    @OnTextMessage
    String onMessage(String message, WebSocketConnection connection) {
        return subscriptions.answer(connection, message, false);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        subscriptions.closed(connection);
    }
}
