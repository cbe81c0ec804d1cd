package dev.tradefleet.paper.stream;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;

/** A raw market stream, {@code /ws/<symbol>@trade} and the like, as on Binance. */
@WebSocket(path = "/ws/{stream}")
public class MarketStreamSocket {

    @Inject
    StreamHub hub;
    @Inject
    Senders senders;

    @OnOpen
    void open(WebSocketConnection connection) {
        hub.subscribe(connection.pathParam("stream"), senders.of(connection, null));
    }

    @OnClose
    void close(WebSocketConnection connection) {
        senders.forget(connection).forEach(hub::unsubscribe);
    }
}
