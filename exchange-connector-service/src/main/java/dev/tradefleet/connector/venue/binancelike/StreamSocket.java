package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One of Binance's WebSocket connections kept open while it is wanted: whole JSON messages handed on, a lost
 * connection opened again after 1, 2, 4 … 30 s (once per loss, though a socket reports it as a close and an error),
 * and nothing opened again once closed. The subclass says what to send on opening and what a message means;
 * {@code this} is the lock of the connection's state, held around {@link #opened} and {@link #dropped}.
 */
abstract class StreamSocket implements WebSocket.Listener {

    private static final Logger LOG = Logger.getLogger(StreamSocket.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    protected final URI url;
    private final String name;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private boolean connecting;
    private boolean closed;
    private int failures;

    StreamSocket(String name, URI url, HttpClient http, ScheduledExecutorService scheduler) {
        this.name = name;
        this.url = url;
        this.http = http;
        this.scheduler = scheduler;
    }

    /** Whether a connection is wanted now (asked before each attempt). */
    protected abstract boolean wanted();

    /** The connection is open: send what it needs (under the lock). */
    protected abstract void opened(WebSocket webSocket);

    /** One whole message (every one of Binance's is a JSON object). */
    protected abstract void received(WebSocket webSocket, JsonNode message);

    /** The connection was lost or let go: forget what it said (under the lock). */
    protected void dropped() {
    }

    /** Opens the connection unless it is open, being opened, not wanted or closed. */
    protected final synchronized void connect() {
        if (closed || connecting || socket != null || !wanted()) {
            return;
        }
        connecting = true;
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(url, this).whenComplete((ws, failure) -> {
            if (failure != null) {
                lost(null, "could not connect: " + failure.getClass().getSimpleName());
            }
        });
    }

    /** The open connection, or null. */
    protected final synchronized WebSocket socket() {
        return socket;
    }

    /** The connection works as it should: the next loss waits from 1 s again. */
    protected final synchronized void working() {
        failures = 0;
    }

    /** Lets the connection go without opening it again (until {@link #connect}). */
    protected final synchronized void disconnect(String why) {
        WebSocket open = socket;
        socket = null;
        dropped();
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, why);
        }
    }

    protected final synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void lost(WebSocket which, String why) {
        if (closed || (which != null && which != socket)) {
            return;
        }
        socket = null;
        connecting = false;
        dropped();
        failures++;
        long pause = Math.min(1L << Math.min(failures - 1, 10), MAX_PAUSE.toSeconds());
        LOG.infof("%s at %s %s; again in %d s", name, url, why, pause);
        scheduler.schedule(this::connect, pause, TimeUnit.SECONDS);
    }

    @Override
    public final synchronized void onOpen(WebSocket webSocket) {
        connecting = false;
        if (closed || !wanted()) {
            webSocket.abort();
            return;
        }
        socket = webSocket;
        opened(webSocket);
        webSocket.request(1);
    }

    @Override
    public final CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            try {
                received(webSocket, JSON.readTree(message));
            } catch (IOException e) {
                LOG.warnf("%s at %s sent something that is not JSON", name, url);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public final CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lost(webSocket, "closed (" + statusCode + ")");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public final void onError(WebSocket webSocket, Throwable error) {
        lost(webSocket, "failed: " + error.getClass().getSimpleName());
    }

    public synchronized void close() {
        closed = true;
        WebSocket open = socket;
        socket = null;
        dropped();
        if (open != null) {
            open.abort();
        }
    }
}
