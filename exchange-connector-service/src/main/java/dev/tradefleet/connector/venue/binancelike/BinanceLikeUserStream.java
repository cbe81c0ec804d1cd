package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.connector.venue.UserStream;
import dev.tradefleet.connector.venue.VenueOrder;
import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.connector.venue.signing.Hmac;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Binance's user data over the WebSocket API: connect, {@code userDataStream.subscribe.signature} (HMAC-SHA256
 * over the sorted parameters, as every SIGNED request), then {@code executionReport} events for the account's
 * orders. The retired REST listenKey flow is not used. A lost connection is opened again ({@link StreamSocket}).
 */
final class BinanceLikeUserStream extends StreamSocket implements UserStream {

    private static final Logger LOG = Logger.getLogger(BinanceLikeUserStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiKey;
    private final String secret;
    private final Clock clock;
    private final Listener listener;

    BinanceLikeUserStream(URI url, String apiKey, String secret, HttpClient http, Clock clock, ScheduledExecutorService scheduler,
                          Listener listener) {
        super("user stream", url, http, scheduler, SILENCE);
        this.apiKey = apiKey;
        this.secret = secret;
        this.clock = clock;
        this.listener = listener;
    }

    BinanceLikeUserStream start() {
        connect();
        return this;
    }

    @Override
    protected boolean wanted() {
        return true;
    }

    @Override
    protected void opened(WebSocket webSocket) {
        Map<String, String> params = new TreeMap<>();
        params.put("apiKey", apiKey);
        params.put("timestamp", String.valueOf(clock.millis()));
        StringBuilder payload = new StringBuilder();
        params.forEach((k, v) -> payload.append(payload.length() == 0 ? "" : "&").append(k).append('=').append(v));
        Map<String, Object> subscribe = Map.of("id", UUID.randomUUID().toString(), "method", "userDataStream.subscribe.signature",
                "params", Map.of("apiKey", apiKey, "timestamp", Long.parseLong(params.get("timestamp")),
                        "signature", Hmac.sha256Hex(secret, payload.toString())));
        try {
            webSocket.sendText(JSON.writeValueAsString(subscribe), true);
        } catch (IOException e) {
            webSocket.abort();
        }
    }

    @Override
    protected void received(WebSocket webSocket, JsonNode json) {
        if (json.has("status")) {
            if (json.path("status").asInt() == 200) {
                working();
                listener.onConnected();
            } else {
                // a refused key is not retried quickly: the next reconciliation and key test will say what is wrong
                LOG.warnf("user stream subscription refused: %s %s", json.path("error").path("code").asText(),
                        json.path("error").path("msg").asText());
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "refused");
            }
            return;
        }
        JsonNode event = json.path("event");
        if ("executionReport".equals(event.path("e").asText())) {
            listener.onReport(order(event), trade(event));
        }
    }

    /** A cancel's report names the order by {@code C} (its own id is in {@code c}). */
    private static VenueOrder order(JsonNode e) {
        String clientOrderId = e.path("C").asText("").isEmpty() ? e.path("c").asText() : e.path("C").asText();
        return new VenueOrder(e.path("s").asText(), clientOrderId, e.path("i").asText(),
                BinanceLikeClient.status(e.path("X").asText()), new BigDecimal(e.path("z").asText("0")),
                new BigDecimal(e.path("Z").asText("0")));
    }

    private static VenueTrade trade(JsonNode e) {
        if (!"TRADE".equals(e.path("x").asText()) || e.path("t").asLong(-1) < 0) {
            return null;
        }
        return new VenueTrade(e.path("t").asText(), e.path("i").asText(), new BigDecimal(e.path("L").asText()),
                new BigDecimal(e.path("l").asText()), new BigDecimal(e.path("Y").asText()), new BigDecimal(e.path("n").asText("0")),
                e.path("N").asText(), e.path("m").asBoolean(), Instant.ofEpochMilli(e.path("T").asLong()));
    }
}
