package dev.tradefleet.paper.stream;

import dev.tradefleet.paper.SignedClient;
import dev.tradefleet.paper.binance.Signatures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Market streams and the user data stream over real WebSockets, in the shapes of Binance's documentation. */
@QuarkusTest
class WebSocketStreamsTest {

    private static final String ADMIN = "test-admin-key";
    private static final String SYMBOL = "ETHUSDT";

    @TestHTTPResource("/")
    URI base;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    private List<JsonObject> listen(String path) throws Exception {
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        WebSocket socket = vertx.createWebSocketClient().connect(base.getPort(), base.getHost(), path)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        socket.textMessageHandler(text -> received.add(new JsonObject(text)));
        return received;
    }

    private record ApiSocket(WebSocket socket, List<JsonObject> messages) {
    }

    private ApiSocket connectApi() throws Exception {
        return connect("/ws-api/v3");
    }

    private ApiSocket connect(String path) throws Exception {
        List<JsonObject> messages = new CopyOnWriteArrayList<>();
        WebSocket socket = vertx.createWebSocketClient().connect(base.getPort(), base.getHost(), path)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
        return new ApiSocket(socket, messages);
    }

    /** Sends userDataStream.subscribe.signature for {@code client}, signed with {@code secret}. */
    private static void subscribe(ApiSocket api, Object id, SignedClient client, String secret) {
        long timestamp = System.currentTimeMillis();
        api.socket().writeTextMessage(new JsonObject().put("id", id).put("method", "userDataStream.subscribe.signature")
                .put("params", new JsonObject().put("apiKey", client.apiKey).put("timestamp", timestamp)
                        .put("signature", Signatures.sign(secret, "apiKey=" + client.apiKey + "&timestamp=" + timestamp))).encode());
    }

    private static SignedClient trader() {
        return SignedClient.open(ADMIN, Map.of("ETH", "100", "USDT", "1000000"));
    }

    @Test
    void tradesStreamAsTheyHappen() throws Exception {
        List<JsonObject> trades = listen("/ws/ethusdt@trade");
        // the server registers the subscription just after the handshake: trade until the stream has seen one
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            trader().limit(SYMBOL, "SELL", "3000.00", "0.5").then().statusCode(200);
            trader().limit(SYMBOL, "BUY", "3000.00", "0.5").then().statusCode(200);
            return !trades.isEmpty();
        });
        JsonObject trade = trades.get(0);
        assertEquals("trade", trade.getString("e"));
        assertEquals(SYMBOL, trade.getString("s"));
        assertEquals("3000.00000000", trade.getString("p"));
        assertEquals("0.50000000", trade.getString("q"));
        assertEquals(false, trade.getBoolean("m"), "the buyer took the resting sell: the buyer was not the maker");
    }

    @Test
    void combinedStreamsCarryTheirNames() throws Exception {
        List<JsonObject> events = listen("/stream?streams=ethusdt@bookTicker/ethusdt@depth");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            trader().limit(SYMBOL, "BUY", "2500.00", "1.5").then().statusCode(200);
            return events.stream().map(e -> e.getString("stream")).distinct().count() == 2;
        });
        JsonObject book = events.stream().filter(e -> e.getString("stream").equals("ethusdt@bookTicker")).findFirst().orElseThrow();
        assertEquals(SYMBOL, book.getJsonObject("data").getString("s"));
        JsonObject depth = events.stream().filter(e -> e.getString("stream").equals("ethusdt@depth")).findFirst().orElseThrow();
        assertEquals("depthUpdate", depth.getJsonObject("data").getString("e"));
        assertTrue(depth.getJsonObject("data").getJsonArray("b").encode().contains("2500.00000000"));
    }

    @Test
    void streamsAreSubscribedAndUnsubscribedWhileConnected() throws Exception {
        ApiSocket market = connect("/stream");
        market.socket().writeTextMessage("{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@bookTicker\"],\"id\":1}");
        await().atMost(Duration.ofSeconds(10)).until(() -> market.messages().contains(new JsonObject("{\"result\":null,\"id\":1}")));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            trader().limit(SYMBOL, "BUY", "2600.00", "0.1").then().statusCode(200);
            return market.messages().stream().anyMatch(m -> "ethusdt@bookTicker".equals(m.getString("stream")));
        });

        market.socket().writeTextMessage("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}");
        await().atMost(Duration.ofSeconds(10)).until(() -> market.messages().contains(new JsonObject("{\"result\":[\"ethusdt@bookTicker\"],\"id\":2}")));
        market.socket().writeTextMessage("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"ethusdt@bookTicker\"],\"id\":3}");
        await().atMost(Duration.ofSeconds(10)).until(() -> market.messages().contains(new JsonObject("{\"result\":null,\"id\":3}")));
        market.socket().writeTextMessage("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":4}");
        await().atMost(Duration.ofSeconds(10)).until(() -> market.messages().contains(new JsonObject("{\"result\":[],\"id\":4}")));

        market.socket().writeTextMessage("{\"method\":\"SUBSCRIBE\",\"params\":[\"ETHUSDT@bookTicker\"],\"id\":5}");
        await().atMost(Duration.ofSeconds(10)).until(() -> market.messages().stream()
                .anyMatch(m -> Integer.valueOf(2).equals(m.getInteger("code")) && Integer.valueOf(5).equals(m.getInteger("id"))));
        market.socket().writeTextMessage("not json");
        await().atMost(Duration.ofSeconds(10)).until(() -> market.messages().stream().anyMatch(m -> Integer.valueOf(3).equals(m.getInteger("code"))));
    }

    @Test
    void theUserDataStreamReportsOrdersTradesAndBalances() throws Exception {
        SignedClient alice = trader();
        ApiSocket api = connectApi();
        List<JsonObject> messages = api.messages();
        subscribe(api, "bad", alice, "wrong");
        subscribe(api, "sub", alice, alice.secretKey);
        await().atMost(Duration.ofSeconds(10)).until(() -> messages.size() >= 2);
        JsonObject refused = messages.stream().filter(m -> "bad".equals(m.getString("id"))).findFirst().orElseThrow();
        assertEquals(400, refused.getInteger("status"));
        assertEquals(-1022, refused.getJsonObject("error").getInteger("code"));
        JsonObject subscribed = messages.stream().filter(m -> "sub".equals(m.getString("id"))).findFirst().orElseThrow();
        assertEquals(200, subscribed.getInteger("status"));

        long orderId = alice.limit(SYMBOL, "SELL", "3100.00", "1").then().statusCode(200).extract().jsonPath().getLong("orderId");
        trader().limit(SYMBOL, "BUY", "3100.00", "0.4").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> reports(messages).size() >= 2
                && events(messages, "outboundAccountPosition").size() >= 2);
        List<JsonObject> reports = reports(messages);
        assertEquals("NEW", reports.get(0).getString("x"));
        assertEquals(orderId, reports.get(0).getLong("i"));
        JsonObject fill = reports.get(1);
        assertEquals("TRADE", fill.getString("x"));
        assertEquals("PARTIALLY_FILLED", fill.getString("X"));
        assertEquals("0.40000000", fill.getString("l"));
        assertEquals("3100.00000000", fill.getString("L"));
        assertEquals(true, fill.getBoolean("m"));
        assertEquals("USDT", fill.getString("N"));
        JsonObject position = events(messages, "outboundAccountPosition").get(1);
        assertTrue(position.getJsonArray("B").encode().contains("\"a\":\"ETH\""));
    }

    @Test
    void orderListsReportTheirStatus() throws Exception {
        SignedClient bob = trader();
        ApiSocket api = connectApi();
        List<JsonObject> messages = api.messages();
        subscribe(api, 1, bob, bob.secretKey);
        await().atMost(Duration.ofSeconds(10)).until(() -> !messages.isEmpty());

        long listId = bob.signed("POST", "/api/v3/orderList/oco", SignedClient.params("symbol", SYMBOL, "side", "SELL",
                        "quantity", "1", "aboveType", "LIMIT_MAKER", "abovePrice", "9000.00",
                        "belowType", "STOP_LOSS_LIMIT", "belowPrice", "100.00", "belowStopPrice", "101.00", "belowTimeInForce", "GTC"))
                .then().statusCode(200).extract().jsonPath().getLong("orderListId");
        bob.signed("DELETE", "/api/v3/orderList", SignedClient.params("symbol", SYMBOL, "orderListId", String.valueOf(listId)))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> events(messages, "listStatus").size() >= 2);
        List<JsonObject> statuses = events(messages, "listStatus");
        assertEquals("EXEC_STARTED", statuses.get(0).getString("l"));
        assertEquals(listId, statuses.get(0).getLong("g"));
        assertEquals("ALL_DONE", statuses.get(statuses.size() - 1).getString("l"));
        assertEquals(2, statuses.get(0).getJsonArray("O").size());
    }

    @Test
    void anUnknownKeyCannotSubscribe() throws Exception {
        ApiSocket api = connectApi();
        List<JsonObject> messages = api.messages();
        subscribe(api, 7, new SignedClient("nobody123", "irrelevant"), "irrelevant");
        await().atMost(Duration.ofSeconds(10)).until(() -> !messages.isEmpty());
        assertEquals(401, messages.get(0).getInteger("status"));
        assertEquals(-2015, messages.get(0).getJsonObject("error").getInteger("code"));
    }

    private static List<JsonObject> events(List<JsonObject> messages, String type) {
        return messages.stream().filter(m -> m.containsKey("event")).map(m -> m.getJsonObject("event"))
                .filter(e -> type.equals(e.getString("e"))).toList();
    }

    private static List<JsonObject> reports(List<JsonObject> messages) {
        return events(messages, "executionReport");
    }
}
