package dev.tradefleet.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.connector.orders.ClientOrderIds;
import dev.tradefleet.connector.orders.OrderExecutor;
import dev.tradefleet.connector.venue.binance.BinanceSigner;
import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.credentials.CredentialChanged;
import dev.tradefleet.contracts.trading.CancelAll;
import dev.tradefleet.contracts.trading.CancelOrder;
import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.contracts.trading.PlaceOco;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TradingIntents;
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


    @Inject
    Pool pool;
    @Inject
    OrderExecutor executor;

    private Trading trading;

    @BeforeAll
    void startTrading() {
        trading = new Trading();
    }

    @AfterAll
    void stopTrading() {
        trading.close();
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Trading.WITHIN).iterator().next().getLong(0);
    }

    private void awaitConsumed(EventEnvelope event) {
        await().atMost(Trading.WITHIN).until(() -> count("SELECT count(*) FROM fleet_consumer_receipts WHERE event_id = $1", event.id()) == 1);
    }

    @Test
    void aMarketOrderIsFilledAndReportedOnceWithEachOfItsFills() throws Exception {
        Trading.Account account = trading.newAccount();
        PlaceOrder buy = Trading.marketBuy(account, "0.001");
        EventEnvelope event = trading.send(buy);

        OrderUpdate filled = trading.awaitUpdate(buy.intentId(), OrderStatus.FILLED);
        assertEquals(0, new BigDecimal("0.001").compareTo(filled.executedQuantity()));
        assertEquals("binance", filled.venue());
        assertEquals(ClientOrderIds.of(buy.intentId(), ClientOrderIds.Venue.BINANCE), filled.clientOrderId());
        await().atMost(Trading.WITHIN).until(() -> trading.fills(buy.intentId()).stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(new BigDecimal("0.001")) == 0);
        List<Fill> fills = trading.fills(buy.intentId());
        assertEquals(fills.size(), fills.stream().map(Fill::tradeId).distinct().count(), "each trade reported once");
        fills.forEach(f -> {
            assertEquals(OrderSide.BUY, f.side());
            assertEquals(filled.venueOrderId(), f.venueOrderId());
            assertTrue(f.price().signum() > 0 && f.fee().signum() >= 0, "price and fee as the venue charged: " + f);
        });

        // Kafka delivers the event again, and the requester sends the same intent in a new event
        trading.events().publish(Topics.TRADING_INTENTS, event);
        EventEnvelope again = trading.send(buy);
        awaitConsumed(again);
        executor.reconcileAll();
        Thread.sleep(1500);
        assertEquals(1, trading.ordersOnTheVenue(account).size(), "placed once");
        assertEquals(1, trading.updates(buy.intentId()).stream().filter(u -> u.status() == OrderStatus.FILLED).count(), "reported once");
        assertEquals(fills.size(), trading.fills(buy.intentId()).size());
    }

    @Test
    void restingLimitAndStopLimitOrdersAreAcceptedAndThenCancelled() throws Exception {
        Trading.Account account = trading.newAccount();
        PlaceOrder bid = Trading.limitBuy(account, "0.01", "1000");
        BigDecimal price = new BigDecimal(priceOf("BTCUSDT"));
        PlaceOrder stop = new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT",
                OrderSide.SELL, OrderKind.STOP_LIMIT, null, new BigDecimal("0.01"), null,
                price.multiply(new BigDecimal("0.49")).setScale(2, java.math.RoundingMode.DOWN),
                price.multiply(new BigDecimal("0.5")).setScale(2, java.math.RoundingMode.DOWN));
        trading.send(bid);
        trading.send(stop);
        OrderUpdate accepted = trading.awaitUpdate(bid.intentId(), OrderStatus.ACCEPTED);
        assertEquals(0, BigDecimal.ZERO.compareTo(accepted.executedQuantity()));
        OrderUpdate stopAccepted = trading.awaitUpdate(stop.intentId(), OrderStatus.ACCEPTED);
        assertEquals(ClientOrderIds.ofTrigger(stop.intentId(), ClientOrderIds.Venue.BINANCE), stopAccepted.clientOrderId(),
                "a stop-limit's id says what it is, for venues that keep trigger orders apart");

        for (PlaceOrder order : List.of(bid, stop)) {
            trading.send(new CancelOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT", order.intentId()));
            trading.awaitUpdate(order.intentId(), OrderStatus.CANCELLED);
            assertEquals(List.of(OrderStatus.ACCEPTED, OrderStatus.CANCELLED), trading.statuses(order.intentId()));
        }
        JsonNode onTheVenue = trading.ordersOnTheVenue(account);
        assertEquals(2, onTheVenue.size());
        onTheVenue.forEach(order -> assertEquals("CANCELED", order.path("status").asText()));
        assertEquals("STOP_LOSS_LIMIT", java.util.stream.StreamSupport.stream(onTheVenue.spliterator(), false)
                .filter(order -> order.path("clientOrderId").asText().equals(stopAccepted.clientOrderId())).findFirst().orElseThrow()
                .path("type").asText());
    }

    @Test
    void aRestingOrderFilledLaterIsReportedAtOnceFromTheUserStreamWithItsFill() throws Exception {
        Trading.Account account = trading.newAccount();
        BigDecimal reference = new BigDecimal(priceOf("SOLUSDT"));
        BigDecimal bidPrice = reference.multiply(new BigDecimal("0.5")).setScale(2, java.math.RoundingMode.DOWN);
        PlaceOrder bid = new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "SOLUSDT",
                OrderSide.BUY, OrderKind.LIMIT, null, new BigDecimal("0.1"), null, bidPrice, null);
        trading.send(bid);
        trading.awaitUpdate(bid.intentId(), OrderStatus.ACCEPTED);
        try {
            // the market falls through the bid: it trades on the venue, with no intent or call of ours
            trading.paper().admin("POST", "/sim/markets/SOLUSDT/price",
                    Map.of("price", bidPrice.multiply(new BigDecimal("0.9")).setScale(2, java.math.RoundingMode.DOWN).toPlainString()));
            // reconciliation sweeps every 5 minutes here: only the stream can tell within seconds
            trading.awaitUpdate(bid.intentId(), OrderStatus.FILLED);
            await().atMost(Trading.WITHIN).until(() -> trading.fills(bid.intentId()).stream().map(Fill::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(new BigDecimal("0.1")) == 0);
        } finally {
            trading.paper().admin("POST", "/sim/markets/SOLUSDT/price", Map.of("price", reference.toPlainString()));
        }
        List<Fill> fills = trading.fills(bid.intentId());
        assertEquals(fills.size(), fills.stream().map(Fill::tradeId).distinct().count(), "each trade once, stream and catch-up together");
        assertTrue(fills.stream().allMatch(f -> f.maker() && f.price().compareTo(bidPrice) <= 0), fills.toString());
        assertEquals(OrderStatus.FILLED, trading.statuses(bid.intentId()).get(trading.statuses(bid.intentId()).size() - 1));
    }

    @Test
    void aNativeOcoPlacesBothLegsUnderTheirLegIdsAndCancellingOneLegEndsBoth() throws Exception {
        Trading.Account account = trading.newAccount();
        BigDecimal price = new BigDecimal(priceOf("BTCUSDT"));
        PlaceOco oco = new PlaceOco(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT",
                OrderSide.SELL, new BigDecimal("0.01"), price.multiply(new BigDecimal("2")).setScale(2, java.math.RoundingMode.DOWN),
                price.multiply(new BigDecimal("0.5")).setScale(2, java.math.RoundingMode.DOWN),
                price.multiply(new BigDecimal("0.49")).setScale(2, java.math.RoundingMode.DOWN));
        trading.send(oco);
        OrderUpdate takeProfit = trading.awaitUpdate(oco.takeProfitLegId(), OrderStatus.ACCEPTED);
        OrderUpdate stopLoss = trading.awaitUpdate(oco.stopLossLegId(), OrderStatus.ACCEPTED);
        assertEquals(ClientOrderIds.of(oco.takeProfitLegId(), ClientOrderIds.Venue.BINANCE), takeProfit.clientOrderId());
        assertEquals(ClientOrderIds.of(oco.stopLossLegId(), ClientOrderIds.Venue.BINANCE), stopLoss.clientOrderId());
        JsonNode onTheVenue = trading.ordersOnTheVenue(account);
        assertEquals(2, onTheVenue.size());
        assertEquals(onTheVenue.get(0).path("orderListId").asLong(), onTheVenue.get(1).path("orderListId").asLong(), "one list");

        trading.send(new CancelOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT",
                oco.takeProfitLegId()));
        trading.awaitUpdate(oco.takeProfitLegId(), OrderStatus.CANCELLED);
        // the venue ends the other leg with it; the user stream says so
        trading.awaitUpdate(oco.stopLossLegId(), OrderStatus.CANCELLED);
        assertEquals(List.of(OrderStatus.ACCEPTED, OrderStatus.CANCELLED), trading.statuses(oco.stopLossLegId()));
    }

    private String priceOf(String symbol) {
        return trading.referencePrice(symbol);
    }

    @Test
    void cancelAllCancelsEveryOpenOrderOfTheAccountOnTheSymbolAndReportsEach() {
        Trading.Account account = trading.newAccount();
        List<PlaceOrder> bids = List.of(Trading.limitBuy(account, "0.01", "1000"), Trading.limitBuy(account, "0.01", "1001"));
        bids.forEach(trading::send);
        bids.forEach(bid -> trading.awaitUpdate(bid.intentId(), OrderStatus.ACCEPTED));

        trading.send(new CancelAll(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT"));
        bids.forEach(bid -> trading.awaitUpdate(bid.intentId(), OrderStatus.CANCELLED));
        bids.forEach(bid -> assertEquals(List.of(OrderStatus.ACCEPTED, OrderStatus.CANCELLED), trading.statuses(bid.intentId())));
    }

    @Test
    void badIntentsAreRefusedWithAReasonAndNeverReachTheVenue() throws Exception {
        Trading.Account owner = trading.newAccount();
        Trading.Account stranger = trading.newAccount();

        PlaceOrder unknownCredential = Trading.marketBuy(new Trading.Account(UUID.randomUUID(), owner.userId(), owner.keys()), "0.001");
        trading.send(unknownCredential);
        assertEquals("credential-unknown", trading.awaitUpdate(unknownCredential.intentId(), OrderStatus.REJECTED).reasonCode());

        // the stranger's user id on the owner's credential
        PlaceOrder notYours = Trading.marketBuy(new Trading.Account(owner.credentialId(), stranger.userId(), owner.keys()), "0.001");
        trading.send(notYours);
        OrderUpdate refused = trading.awaitUpdate(notYours.intentId(), OrderStatus.REJECTED);
        assertEquals("credential-not-yours", refused.reasonCode());
        assertEquals(0, trading.ordersOnTheVenue(owner).size(), "nothing placed on the owner's account");

        Trading.Account viaProxy = trading.newAccount("testnet");
        PlaceOrder listed = Trading.limitBuy(viaProxy, "0.01", "1000");
        trading.send(listed);
        trading.awaitUpdate(listed.intentId(), OrderStatus.ACCEPTED);
        long placementsSent = placementsSentThroughTheProxy();
        PlaceOrder unknownSymbol = new PlaceOrder(UUID.randomUUID(), viaProxy.credentialId(), viaProxy.userId(), "order-service",
                "NOPEUSDT", OrderSide.BUY, OrderKind.MARKET, null, new BigDecimal("1"), null, null, null);
        trading.send(unknownSymbol);
        OrderUpdate noSuchSymbol = trading.awaitUpdate(unknownSymbol.intentId(), OrderStatus.REJECTED);
        assertEquals("unknown-symbol", noSuchSymbol.reasonCode(), noSuchSymbol.toString());
        assertEquals(placementsSent, placementsSentThroughTheProxy(), "checked against the venue's symbols, never sent");

        ObjectNode malformed = (ObjectNode) EventCodec.toData(Trading.marketBuy(owner, "0.001"));
        malformed.put("quantity", "-5");
        EventEnvelope poison = EventEnvelope.create(Trading.ORDER_SERVICE, PlaceOrder.TYPE, owner.credentialId().toString(), malformed);
        trading.events().publish(Topics.TRADING_INTENTS, poison);
        await().atMost(Duration.ofSeconds(60)).until(() -> !trading.events().on(Topics.deadLetterOf(Topics.TRADING_INTENTS),
                e -> e.id().equals(poison.id())).isEmpty());
        assertEquals(0, trading.ordersOnTheVenue(owner).size());
    }

    @Test
    void anOrderSentBeforeACrashIsFoundByClientOrderIdReportedOnceAndNeverPlacedTwice() throws Exception {
        Trading.Account account = trading.newAccount();
        PlaceOrder buy = Trading.marketBuy(account, "0.002");
        String clientOrderId = ClientOrderIds.of(buy.intentId(), ClientOrderIds.Venue.BINANCE);
        // what a connector killed between sending and reading the answer leaves behind: the order on the venue,
        // its row in SENDING and its intent not done
        String body = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.002&newClientOrderId=" + clientOrderId
                + "&timestamp=" + System.currentTimeMillis();
        HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(trading.paper().url().resolve("/api/v3/order"))
                .header(BinanceSigner.API_KEY_HEADER, account.keys().apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body + "&signature=" + BinanceSigner.signature(account.keys().secretKey(), "", body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, placed.statusCode(), placed.body());
        leftBehindByACrash(buy, clientOrderId, OffsetDateTime.now(ZoneOffset.UTC));

        executor.wake(account.credentialId());
        trading.awaitUpdate(buy.intentId(), OrderStatus.FILLED);
        await().atMost(Trading.WITHIN).until(() -> trading.fills(buy.intentId()).size() > 0);
        assertEquals(1, trading.ordersOnTheVenue(account).size(), "found, not placed again");
        assertEquals(List.of(OrderStatus.FILLED), trading.statuses(buy.intentId()));
    }

    @Test
    void anOrderThatNeverReachedTheVenueIsSentOnceTheReceiveWindowHasPassed() throws Exception {
        Trading.Account account = trading.newAccount();
        PlaceOrder buy = Trading.marketBuy(account, "0.001");
        leftBehindByACrash(buy, ClientOrderIds.of(buy.intentId(), ClientOrderIds.Venue.BINANCE), OffsetDateTime.now(ZoneOffset.UTC));

        executor.wake(account.credentialId());
        // not before the window has passed: until then the lost request could still be executed
        Thread.sleep(2000);
        assertEquals(0, trading.ordersOnTheVenue(account).size());
        trading.awaitUpdate(buy.intentId(), OrderStatus.FILLED);
        assertEquals(1, trading.ordersOnTheVenue(account).size());
    }

    private static long placementsSentThroughTheProxy() {
        return ConnectorTestResource.faultyVenue().forwarded().stream().filter(f -> f.is("POST", "/api/v3/order")).count();
    }

    private void leftBehindByACrash(PlaceOrder buy, String clientOrderId, OffsetDateTime sentAt) {
        leftBehind(buy, clientOrderId, "SENDING", null, sentAt, null);
    }

    /** An order row as an earlier run of the connector left it, with its intent (done at {@code doneAt}, or pending). */
    private void leftBehind(PlaceOrder buy, String clientOrderId, String status, String venueOrderId, OffsetDateTime sentAt,
                            OffsetDateTime doneAt) {
        EventEnvelope event = TradingIntents.toEvent(Trading.ORDER_SERVICE, buy);
        pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO intents (intent_id, credential_id, type, event, done_at) VALUES ($1, $2, $3, $4, $5)")
                        .execute(Tuple.of(buy.intentId(), buy.credentialId(), buy.eventType(), Buffer.buffer(EventCodec.encode(event)), doneAt))
                        .flatMap(i -> tx.preparedQuery("INSERT INTO orders (intent_id, credential_id, user_id, venue, symbol, side,"
                                        + " client_order_id, venue_order_id, status, sent_at) VALUES ($1, $2, $3, 'binance', 'BTCUSDT', 'BUY', $4, $5, $6, $7)")
                                .execute(Tuple.from(new Object[]{buy.intentId(), buy.credentialId(), buy.userId(), clientOrderId, venueOrderId,
                                        status, sentAt}))))
                .await().atMost(Trading.WITHIN);
    }

    @Test
    void anOrderWhoseAnswerWasLostIsRejectedAsNotPlacedOnlyWhenTheVenueNeverAcknowledgedIt() {
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        Trading.Account lost = trading.newAccount();
        PlaceOrder neverArrived = Trading.marketBuy(lost, "0.001");
        leftBehind(neverArrived, ClientOrderIds.of(neverArrived.intentId(), ClientOrderIds.Venue.BINANCE), "UNKNOWN", null, longAgo, longAgo);
        Trading.Account acknowledged = trading.newAccount("testnet");
        PlaceOrder answered = Trading.marketBuy(acknowledged, "0.001");
        String answeredId = ClientOrderIds.of(answered.intentId(), ClientOrderIds.Venue.BINANCE);
        leftBehind(answered, answeredId, "ACCEPTED", "424242", longAgo, longAgo);

        executor.reconcile(lost.credentialId());
        OrderUpdate rejected = trading.awaitUpdate(neverArrived.intentId(), OrderStatus.REJECTED);
        assertEquals("not-placed", rejected.reasonCode(), rejected.toString());

        // the venue does not find the other either, yet it answered for it once: it is asked again and again, never given up
        executor.reconcile(acknowledged.credentialId());
        await().atMost(Trading.WITHIN).until(() -> lookupsOf(answeredId) >= 1);
        executor.reconcile(acknowledged.credentialId());
        await().atMost(Trading.WITHIN).until(() -> lookupsOf(answeredId) >= 2);
        assertEquals(1, count("SELECT count(*) FROM orders WHERE intent_id = $1 AND status = 'ACCEPTED'", answered.intentId()));
        assertEquals(List.of(), trading.statuses(answered.intentId()));
    }

    private static long lookupsOf(String clientOrderId) {
        return ConnectorTestResource.faultyVenue().forwarded().stream()
                .filter(f -> f.is("GET", "/api/v3/order") && f.query().contains(clientOrderId)).count();
    }

    @Test
    void newKeysAreTestedAndTheVerdictStored() {
        Trading.Account good = trading.newAccount();
        UUID badId = UUID.randomUUID();
        trading.credentials().put(new FakeCredentialsService.Credential(badId, good.userId(), "binance", "paper", true, good.keys().apiKey(),
                "not-the-secret"));

        for (UUID id : List.of(good.credentialId(), badId)) {
            trading.events().publish(Topics.CREDENTIALS_CHANGES, EventEnvelope.create(URI.create("/credentials-service"), CredentialChanged.TYPE,
                    id.toString(), EventCodec.toData(new CredentialChanged(id, good.userId(), "binance", "paper", "main",
                            CredentialChanged.CREATED, true))));
        }
        await().atMost(Trading.WITHIN).until(() -> trading.credentials().verdicts().stream().filter(v -> v.credentialId().equals(good.credentialId())
                || v.credentialId().equals(badId)).count() == 2);
        FakeCredentialsService.Verdict valid = trading.credentials().verdicts().stream().filter(v -> v.credentialId().equals(good.credentialId()))
                .findFirst().orElseThrow();
        FakeCredentialsService.Verdict invalid = trading.credentials().verdicts().stream().filter(v -> v.credentialId().equals(badId))
                .findFirst().orElseThrow();
        assertEquals("valid", valid.status());
        assertEquals("invalid", invalid.status());
        assertTrue(invalid.reason().startsWith("-1022"), "the venue's reason: " + invalid.reason());
        assertTrue(!invalid.reason().contains("not-the-secret"));
        await().atMost(Trading.WITHIN).until(() -> count("SELECT count(*) FROM key_checks") == 0);
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
