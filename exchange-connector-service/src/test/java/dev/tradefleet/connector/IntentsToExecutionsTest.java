package dev.tradefleet.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.connector.orders.ClientOrderIds;
import dev.tradefleet.connector.orders.OrderExecutor;
import dev.tradefleet.connector.venue.binance.BinanceSigner;
import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.credentials.CredentialChanged;
import dev.tradefleet.contracts.trading.CancelOrder;
import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TradingIntent;
import dev.tradefleet.contracts.trading.TradingIntents;
import dev.tradefleet.testing.PaperExchangeProcess;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intents in, orders on the real paper exchange, executions out: over real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(ConnectorTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntentsToExecutionsTest {

    private static final URI ORDER_SERVICE = URI.create("/order-service");
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;
    @Inject
    OrderExecutor executor;

    private EventLog events;
    private final FakeCredentialsService credentials = ConnectorTestResource.credentials();
    private final PaperExchangeProcess paper = PaperExchangeProcess.shared();

    /** A user with a funded paper account whose key is stored as their credential. */
    record Account(UUID credentialId, UUID userId, PaperExchangeProcess.Keys keys) {
    }

    @BeforeAll
    void readEvents() {
        events = new EventLog(List.of(Topics.TRADING_ORDER_UPDATES, Topics.TRADING_FILLS, Topics.deadLetterOf(Topics.TRADING_INTENTS)));
    }

    @AfterAll
    void stopReading() {
        events.close();
    }

    private Account newAccount() {
        PaperExchangeProcess.Keys keys = paper.openAccount(Map.of("USDT", "100000", "BTC", "1"));
        Account account = new Account(UUID.randomUUID(), UUID.randomUUID(), keys);
        credentials.put(new FakeCredentialsService.Credential(account.credentialId(), account.userId(), "binance", "paper", true,
                keys.apiKey(), keys.secretKey()));
        return account;
    }

    private static PlaceOrder marketBuy(Account account, String quantity) {
        return new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT", OrderSide.BUY,
                OrderKind.MARKET, null, new BigDecimal(quantity), null, null, null);
    }

    private static PlaceOrder limitBuy(Account account, String quantity, String price) {
        return new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT", OrderSide.BUY,
                OrderKind.LIMIT, null, new BigDecimal(quantity), null, new BigDecimal(price), null);
    }

    private EventEnvelope send(TradingIntent intent) {
        EventEnvelope event = TradingIntents.toEvent(ORDER_SERVICE, intent);
        events.publish(Topics.TRADING_INTENTS, event);
        return event;
    }

    private List<OrderUpdate> updates(UUID intentId) {
        return events.on(Topics.TRADING_ORDER_UPDATES, e -> true).stream().map(s -> EventCodec.payload(s.event(), OrderUpdate.class))
                .filter(u -> u.intentId().equals(intentId)).toList();
    }

    private List<Fill> fills(UUID intentId) {
        return events.on(Topics.TRADING_FILLS, e -> true).stream().map(s -> EventCodec.payload(s.event(), Fill.class))
                .filter(f -> f.intentId().equals(intentId)).toList();
    }

    private OrderUpdate awaitUpdate(UUID intentId, OrderStatus status) {
        await().atMost(WITHIN).until(() -> updates(intentId).stream().anyMatch(u -> u.status() == status));
        return updates(intentId).stream().filter(u -> u.status() == status).findFirst().orElseThrow();
    }

    /** The account's orders as the paper exchange lists them: what was really placed. */
    private JsonNode ordersOnTheVenue(Account account) throws Exception {
        String query = "symbol=BTCUSDT&timestamp=" + System.currentTimeMillis();
        String signature = BinanceSigner.signature(account.keys().secretKey(), query, "");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        paper.url().resolve("/api/v3/allOrders?" + query + "&signature=" + signature))
                .header(BinanceSigner.API_KEY_HEADER, account.keys().apiKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WITHIN).iterator().next().getLong(0);
    }

    private void awaitConsumed(EventEnvelope event) {
        await().atMost(WITHIN).until(() -> count("SELECT count(*) FROM fleet_consumer_receipts WHERE event_id = $1", event.id()) == 1);
    }

    @Test
    void aMarketOrderIsFilledAndReportedOnceWithEachOfItsFills() throws Exception {
        Account account = newAccount();
        PlaceOrder buy = marketBuy(account, "0.001");
        EventEnvelope event = send(buy);

        OrderUpdate filled = awaitUpdate(buy.intentId(), OrderStatus.FILLED);
        assertEquals(0, new BigDecimal("0.001").compareTo(filled.executedQuantity()));
        assertEquals("binance", filled.venue());
        assertEquals(ClientOrderIds.of(buy.intentId(), ClientOrderIds.Venue.BINANCE), filled.clientOrderId());
        await().atMost(WITHIN).until(() -> fills(buy.intentId()).stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(new BigDecimal("0.001")) == 0);
        List<Fill> fills = fills(buy.intentId());
        assertEquals(fills.size(), fills.stream().map(Fill::tradeId).distinct().count(), "each trade reported once");
        fills.forEach(f -> {
            assertEquals(OrderSide.BUY, f.side());
            assertEquals(filled.venueOrderId(), f.venueOrderId());
            assertTrue(f.price().signum() > 0 && f.fee().signum() >= 0, "price and fee as the venue charged: " + f);
        });

        // Kafka delivers the event again, and the requester sends the same intent in a new event
        events.publish(Topics.TRADING_INTENTS, event);
        EventEnvelope again = send(buy);
        awaitConsumed(again);
        executor.reconcileAll();
        Thread.sleep(1500);
        assertEquals(1, ordersOnTheVenue(account).size(), "placed once");
        assertEquals(1, updates(buy.intentId()).stream().filter(u -> u.status() == OrderStatus.FILLED).count(), "reported once");
        assertEquals(fills.size(), fills(buy.intentId()).size());
    }

    @Test
    void aRestingLimitOrderIsAcceptedAndThenCancelled() throws Exception {
        Account account = newAccount();
        PlaceOrder bid = limitBuy(account, "0.01", "1000");
        send(bid);
        OrderUpdate accepted = awaitUpdate(bid.intentId(), OrderStatus.ACCEPTED);
        assertEquals(0, BigDecimal.ZERO.compareTo(accepted.executedQuantity()));

        send(new CancelOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT", bid.intentId()));
        awaitUpdate(bid.intentId(), OrderStatus.CANCELLED);
        assertEquals("CANCELED", ordersOnTheVenue(account).get(0).path("status").asText());
        assertEquals(List.of(OrderStatus.ACCEPTED, OrderStatus.CANCELLED), updates(bid.intentId()).stream().map(OrderUpdate::status).toList());
    }

    @Test
    void badIntentsAreRefusedWithAReasonAndNeverReachTheVenue() throws Exception {
        Account owner = newAccount();
        Account stranger = newAccount();

        PlaceOrder unknownCredential = marketBuy(new Account(UUID.randomUUID(), owner.userId(), owner.keys()), "0.001");
        send(unknownCredential);
        assertEquals("credential-unknown", awaitUpdate(unknownCredential.intentId(), OrderStatus.REJECTED).reasonCode());

        // the stranger's user id on the owner's credential
        PlaceOrder notYours = marketBuy(new Account(owner.credentialId(), stranger.userId(), owner.keys()), "0.001");
        send(notYours);
        OrderUpdate refused = awaitUpdate(notYours.intentId(), OrderStatus.REJECTED);
        assertEquals("credential-not-yours", refused.reasonCode());
        assertEquals(0, ordersOnTheVenue(owner).size(), "nothing placed on the owner's account");

        PlaceOrder unknownSymbol = new PlaceOrder(UUID.randomUUID(), owner.credentialId(), owner.userId(), "order-service", "NOPEUSDT",
                OrderSide.BUY, OrderKind.MARKET, null, new BigDecimal("1"), null, null, null);
        send(unknownSymbol);
        OrderUpdate noSuchSymbol = awaitUpdate(unknownSymbol.intentId(), OrderStatus.REJECTED);
        assertEquals("-1121", noSuchSymbol.reasonCode(), "the venue's own code: " + noSuchSymbol);

        ObjectNode malformed = (ObjectNode) EventCodec.toData(marketBuy(owner, "0.001"));
        malformed.put("quantity", "-5");
        EventEnvelope poison = EventEnvelope.create(ORDER_SERVICE, PlaceOrder.TYPE, owner.credentialId().toString(), malformed);
        events.publish(Topics.TRADING_INTENTS, poison);
        await().atMost(Duration.ofSeconds(60)).until(() -> !events.on(Topics.deadLetterOf(Topics.TRADING_INTENTS),
                e -> e.id().equals(poison.id())).isEmpty());
        assertEquals(0, ordersOnTheVenue(owner).size());
    }

    @Test
    void anOrderSentBeforeACrashIsFoundByClientOrderIdReportedOnceAndNeverPlacedTwice() throws Exception {
        Account account = newAccount();
        PlaceOrder buy = marketBuy(account, "0.002");
        String clientOrderId = ClientOrderIds.of(buy.intentId(), ClientOrderIds.Venue.BINANCE);
        // what a connector killed between sending and reading the answer leaves behind: the order on the venue,
        // its row in SENDING and its intent not done
        String body = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.002&newClientOrderId=" + clientOrderId
                + "&timestamp=" + System.currentTimeMillis();
        HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(paper.url().resolve("/api/v3/order"))
                .header(BinanceSigner.API_KEY_HEADER, account.keys().apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body + "&signature=" + BinanceSigner.signature(account.keys().secretKey(), "", body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, placed.statusCode(), placed.body());
        leftBehindByACrash(buy, clientOrderId, OffsetDateTime.now(ZoneOffset.UTC));

        executor.wake(account.credentialId());
        awaitUpdate(buy.intentId(), OrderStatus.FILLED);
        await().atMost(WITHIN).until(() -> fills(buy.intentId()).size() > 0);
        assertEquals(1, ordersOnTheVenue(account).size(), "found, not placed again");
        assertEquals(List.of(OrderStatus.FILLED), updates(buy.intentId()).stream().map(OrderUpdate::status).toList());
    }

    @Test
    void anOrderThatNeverReachedTheVenueIsSentOnceTheReceiveWindowHasPassed() throws Exception {
        Account account = newAccount();
        PlaceOrder buy = marketBuy(account, "0.001");
        leftBehindByACrash(buy, ClientOrderIds.of(buy.intentId(), ClientOrderIds.Venue.BINANCE), OffsetDateTime.now(ZoneOffset.UTC));

        executor.wake(account.credentialId());
        // not before the window has passed: until then the lost request could still be executed
        Thread.sleep(2000);
        assertEquals(0, ordersOnTheVenue(account).size());
        awaitUpdate(buy.intentId(), OrderStatus.FILLED);
        assertEquals(1, ordersOnTheVenue(account).size());
    }

    private void leftBehindByACrash(PlaceOrder buy, String clientOrderId, OffsetDateTime sentAt) {
        EventEnvelope event = TradingIntents.toEvent(ORDER_SERVICE, buy);
        pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO intents (intent_id, credential_id, type, event) VALUES ($1, $2, $3, $4)")
                        .execute(Tuple.of(buy.intentId(), buy.credentialId(), buy.eventType(), Buffer.buffer(EventCodec.encode(event))))
                        .flatMap(i -> tx.preparedQuery("INSERT INTO orders (intent_id, credential_id, user_id, venue, symbol, side,"
                                        + " client_order_id, status, sent_at) VALUES ($1, $2, $3, 'binance', 'BTCUSDT', 'BUY', $4, 'SENDING', $5)")
                                .execute(Tuple.of(buy.intentId(), buy.credentialId(), buy.userId(), clientOrderId, sentAt))))
                .await().atMost(WITHIN);
    }

    @Test
    void newKeysAreTestedAndTheVerdictStored() {
        Account good = newAccount();
        UUID badId = UUID.randomUUID();
        credentials.put(new FakeCredentialsService.Credential(badId, good.userId(), "binance", "paper", true, good.keys().apiKey(),
                "not-the-secret"));

        for (UUID id : List.of(good.credentialId(), badId)) {
            events.publish(Topics.CREDENTIALS_CHANGES, EventEnvelope.create(URI.create("/credentials-service"), CredentialChanged.TYPE,
                    id.toString(), EventCodec.toData(new CredentialChanged(id, good.userId(), "binance", "paper", "main",
                            CredentialChanged.CREATED, true))));
        }
        await().atMost(WITHIN).until(() -> credentials.verdicts().stream().filter(v -> v.credentialId().equals(good.credentialId())
                || v.credentialId().equals(badId)).count() == 2);
        FakeCredentialsService.Verdict valid = credentials.verdicts().stream().filter(v -> v.credentialId().equals(good.credentialId()))
                .findFirst().orElseThrow();
        FakeCredentialsService.Verdict invalid = credentials.verdicts().stream().filter(v -> v.credentialId().equals(badId))
                .findFirst().orElseThrow();
        assertEquals("valid", valid.status());
        assertEquals("invalid", invalid.status());
        assertTrue(invalid.reason().startsWith("-1022"), "the venue's reason: " + invalid.reason());
        assertTrue(!invalid.reason().contains("not-the-secret"));
        await().atMost(WITHIN).until(() -> count("SELECT count(*) FROM key_checks") == 0);
    }

    @Test
    void theVenuesAndWhatEachDoesNativelyAreListedForSignedInCallers() {
        String token = TokenKeysResource.tokens().valid(UUID.randomUUID().toString(), List.of("user"));
        given().auth().oauth2(token).get("/connector/venues").then().statusCode(200)
                .body("find { it.venue == 'binance' }.environments", hasItem("paper"))
                .body("find { it.venue == 'binance' }.capabilities", hasItem("OCO"))
                .body("find { it.venue == 'mexc' }.capabilities", org.hamcrest.Matchers.not(hasItem("OCO")));
        given().get("/connector/venues").then().statusCode(401);
    }
}
