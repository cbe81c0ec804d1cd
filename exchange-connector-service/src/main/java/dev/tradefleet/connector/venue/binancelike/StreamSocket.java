package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One of Binance's WebSocket connections kept open while it is wanted: whole JSON messages handed on, a lost
 * connection opened again after 1, 2, 4 … 30 s (once per loss, though a socket reports it as a close and an error),
 * and nothing opened again once closed. A connection can die without a close (a NAT or proxy dropping it, the host
 * gone): one silent for half of {@code silence} is pinged, and one silent for all of it is given up as lost, so that
 * what it said is not taken for the present (Binance pings every 20 s, and any WebSocket server answers a ping). The subclass says what to send on opening and what a message means;
 * {@code this} is the lock of the connection's state, held around {@link #opened} and {@link #dropped}.
 */
abstract class StreamSocket implements WebSocket.Listener {

    private static final Logger LOG = Logger.getLogger(StreamSocket.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** How long a connection may say nothing, not even a ping or a pong, before it is taken for dead. */
    static final Duration SILENCE = Duration.ofSeconds(60);
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
    private final long silenceNanos;
    private volatile long lastHeard;
    private ScheduledFuture<?> watch;

    StreamSocket(String name, URI url, HttpClient http, ScheduledExecutorService scheduler, Duration silence) {
        this.name = name;
        this.url = url;
        this.http = http;
        this.scheduler = scheduler;
        this.silenceNanos = silence.toNanos();
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
        // a message cut off by the connection lost is not the start of the next one
        partial.setLength(0);
        heard();
        if (watch == null) {
            long every = Math.max(silenceNanos / 4, TimeUnit.MILLISECONDS.toNanos(100));
            watch = scheduler.scheduleWithFixedDelay(this::checkSilence, every, every, TimeUnit.NANOSECONDS);
        }
        opened(webSocket);
        webSocket.request(1);
    }

    private void heard() {
        lastHeard = System.nanoTime();
    }

    /** A connection quiet for half the silence allowed is pinged; one quiet for all of it is lost. */
    private synchronized void checkSilence() {
        WebSocket open = socket;
        if (open == null) {
            return;
        }
        long quiet = System.nanoTime() - lastHeard;
        if (quiet >= silenceNanos) {
            lost(open, "silent for " + TimeUnit.NANOSECONDS.toSeconds(quiet) + " s");
            open.abort();
        } else if (quiet >= silenceNanos / 2) {
            // fails by itself while a ping is unanswered: the silence is counted all the same
            open.sendPing(ByteBuffer.allocate(0));
        }
    }

    @Override
    public final CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        // the JDK answers a ping with a pong itself
        heard();
        webSocket.request(1);
        return null;
    }

    @Override
    public final CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        heard();
        webSocket.request(1);
        return null;
    }

    @Override
    public final CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        heard();
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
        if (watch != null) {
            watch.cancel(false);
        }
        WebSocket open = socket;
        socket = null;
        dropped();
        if (open != null) {
            open.abort();
        }
    }
}
