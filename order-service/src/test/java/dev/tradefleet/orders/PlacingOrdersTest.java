package dev.tradefleet.orders;

import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.trading.CancelAll;
import dev.tradefleet.contracts.trading.CancelOrder;
import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TradingIntent;
import dev.tradefleet.contracts.trading.TradingIntents;
import dev.tradefleet.testing.EventLog;
import dev.tradefleet.testing.JsonAttacks;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * order-service on a real PostgreSQL and Kafka broker, reading credentials and markets from a stand-in of those
 * services: what it places goes to the connector as one intent, what it refuses stores and sends nothing, and what
 * the connector reports moves the trader's order forward once, whatever the order and number of the reports.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(OrdersTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacingOrdersTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final URI CONNECTOR = URI.create("/exchange-connector-service");

    record Trader(UUID id, String token) {
    }

    @Inject
    Pool pool;

    private EventLog events;

    @BeforeAll
    void listen() {
        events = new EventLog(List.of(Topics.TRADING_INTENTS));
    }

    @AfterAll
    void stop() {
        events.close();
    }

    private static Trader newTrader() {
        UUID id = UUID.randomUUID();
        return new Trader(id, TokenKeysResource.tokens().valid(id.toString(), List.of("user")));
    }

    private static JsonPath place(Trader trader, Map<String, Object> order, int status) {
        return given().auth().oauth2(trader.token()).contentType("application/json").body(order)
                .post("/exchanges/place-order").then().statusCode(status).extract().jsonPath();
    }

    private static Map<String, Object> order(Object... fields) {
        Map<String, Object> order = new HashMap<>(Map.of("exchange", "BINANCE", "symbol", "BTCUSDT", "side", "BUY"));
        for (int i = 0; i < fields.length; i += 2) {
            order.put((String) fields[i], fields[i + 1]);
        }
        return order;
    }

    private <T extends TradingIntent> T awaitIntent(Class<T> type, java.util.function.Predicate<T> which) {
        return await().atMost(WITHIN).until(() -> events.on(Topics.TRADING_INTENTS, e -> true).stream()
                .map(EventLog.Seen::event).map(TradingIntents::read).filter(type::isInstance).map(type::cast).filter(which).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WITHIN).iterator().next().getLong(0);
    }

    @Test
    void aMarketOrderForAnAmountOfDollarsIsSizedStoredAndSentToTheConnectorAsOneIntent() {
        Trader trader = newTrader();
        UUID credential = FleetStub.shared().credential(trader.token(), "valid", Map.of("USDT", "1000"));

        JsonPath placed = place(trader, order("type", "MARKET", "sizeUsd", "50"), 201);
        assertEquals("Success", placed.getString("status"));
        UUID id = UUID.fromString(placed.getString("data.orderId"));
        assertEquals("SUBMITTED", placed.getString("data.status"));
        assertEquals("ENTRY", placed.getString("data.role"));
        assertEquals(id.toString(), placed.getString("data.orderGroupId"), "an entry heads its own group");
        assertEquals("0.00083", placed.getString("data.quantity"), "50 USDT at 60000 is 0.000833…, down to the step 0.00001");

        PlaceOrder intent = awaitIntent(PlaceOrder.class, p -> p.intentId().equals(id));
        assertEquals(credential, intent.credentialId());
        assertEquals(trader.id(), intent.userId());
        assertEquals(OrderKind.MARKET, intent.kind());
        assertEquals(OrderSide.BUY, intent.side());
        assertEquals(new BigDecimal("0.00083"), intent.quantity());
        assertEquals(credential.toString(), events.on(Topics.TRADING_INTENTS, e -> e.subject() != null).stream()
                .filter(s -> TradingIntents.read(s.event()).intentId().equals(id)).findFirst().orElseThrow().key(),
                "keyed by the credential, so one account's intents stay in order");
        assertTrue(FleetStub.shared().requests().containsAll(List.of("/credentials " + trader.token(),
                "/connector/credentials/" + credential + "/balances " + trader.token())), "read with the trader's own token");

        JsonPath open = given().auth().oauth2(trader.token()).get("/exchanges/open-orders?exchange=binance").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(id.toString()), open.getList("data.orderId"));
    }

    @Test
    void anOrderTheVenueWouldRefuseIsRefusedWithAClearReasonAndNothingIsStoredOrSent() {
        Trader trader = newTrader();
        UUID credential = FleetStub.shared().credential(trader.token(), "valid", Map.of("USDT", "100", "BTC", "0.001"));

        assertEquals("Order value 3.00 USDT is below the minimum 5 USDT",
                place(trader, order("type", "MARKET", "quantity", new BigDecimal("0.00005")), 422).getString("detail"),
                "an amount may come as a JSON number too");
        assertEquals("Insufficient balance: the order needs 120 USDT and 100 USDT is free",
                place(trader, order("type", "LIMIT", "price", "60000.00", "quantity", "0.002"), 422).getString("detail"));
        assertEquals("Unknown symbol DOGEUSDT on binance",
                place(trader, order("type", "MARKET", "quantity", "1", "symbol", "DOGEUSDT"), 422).getString("detail"));
        assertEquals("Price 60000.001 is not a multiple of the tick size 0.01 of BTCUSDT",
                place(trader, order("type", "LIMIT", "price", "60000.001", "quantity", "0.001"), 422).getString("detail"));
        assertEquals("a LIMIT order needs a price", place(trader, order("type", "LIMIT", "quantity", "0.001"), 422).getString("detail"));
        assertEquals("give exactly one of quantity, sizeUsd and sizePct",
                place(trader, order("type", "MARKET", "quantity", "0.001", "sizeUsd", "50"), 422).getString("detail"));
        assertTrue(place(trader, order("type", "MARKET", "quantity", "0.001", "exchange", "MEXC"), 404).getString("detail")
                .startsWith("Credentials not found: you have no active mexc key"));
        assertEquals(List.of("sizePct"), place(trader, order("type", "MARKET", "sizePct", "1.5"), 400).getList("errors.field"));

        assertEquals(List.of("quantity"), place(trader, order("type", "MARKET", "quantity", "1e2147483647"), 400).getList("errors.field"),
                "an exponent that would exhaust the service is not an amount");
        assertEquals(List.of("sizeUsd"), place(trader, order("type", "MARKET", "sizeUsd", " 50 "), 400).getList("errors.field"));

        Trader refusedKey = newTrader();
        FleetStub.shared().credential(refusedKey.token(), "invalid", Map.of("USDT", "1000"));
        assertEquals(422, given().auth().oauth2(refusedKey.token()).contentType("application/json")
                .body(order("type", "MARKET", "quantity", "0.001")).post("/exchanges/place-order").statusCode());

        assertEquals(0, count("SELECT count(*) FROM orders WHERE user_id = $1", trader.id()));
        assertEquals(0, count("SELECT count(*) FROM fleet_outbox WHERE record_key = $1", credential.toString()));
    }

    @Test
    void whatTheConnectorReportsMovesTheOrderForwardOnceInWhateverOrderAndNumberItArrives() {
        Trader trader = newTrader();
        UUID credential = FleetStub.shared().credential(trader.token(), "valid", Map.of("USDT", "1000"));
        UUID id = UUID.fromString(place(trader, order("type", "LIMIT", "price", "59000.00", "quantity", "0.001"), 201).getString("data.orderId"));
        UUID marker = UUID.fromString(place(trader, order("type", "LIMIT", "price", "50000.00", "quantity", "0.001"), 201)
                .getString("data.orderId"));

        Instant now = Instant.now();
        OrderUpdate filled = new OrderUpdate(id, credential, trader.id(), "binance", "BTCUSDT", "tf-a", "777", OrderStatus.FILLED, null, null,
                new BigDecimal("0.001"), new BigDecimal("59.00000"), now);
        OrderUpdate lateAccepted = new OrderUpdate(id, credential, trader.id(), "binance", "BTCUSDT", "tf-a", "777", OrderStatus.ACCEPTED,
                null, null, BigDecimal.ZERO, BigDecimal.ZERO, now.minusSeconds(1));
        Fill trade = new Fill(id, credential, trader.id(), "binance", "BTCUSDT", "tf-a", "777", "t1", OrderSide.BUY, new BigDecimal("59000"),
                new BigDecimal("0.001"), new BigDecimal("59"), new BigDecimal("0.000001"), "BTC", true, now);
        EventEnvelope filledEvent = report(filled);
        List.of(filledEvent, report(lateAccepted), report(trade), report(trade), filledEvent).forEach(this::publish);
        // a report of another order behind them on the account's partition: once it shows, all before it were applied
        publish(report(new OrderUpdate(marker, credential, trader.id(), "binance", "BTCUSDT", "tf-b", "778", OrderStatus.ACCEPTED, null,
                null, BigDecimal.ZERO, BigDecimal.ZERO, now)));
        await().atMost(WITHIN).until(() -> "ACCEPTED".equals(view(trader, marker).getString("data.status")));

        JsonPath order = view(trader, id);
        assertEquals("FILLED", order.getString("data.status"), "a late ACCEPTED does not take it back");
        assertEquals("777", order.getString("data.exchangeOrderId"));
        assertEquals(0, new BigDecimal("0.001").compareTo(new BigDecimal(order.getString("data.executedQuantity"))));
        assertEquals("59000", order.getString("data.averagePrice"));
        assertEquals(List.of("t1"), order.getList("data.fills.tradeId"), "one fill, though its trade came twice");
        assertEquals(0, new BigDecimal("0.000001").compareTo(new BigDecimal(order.getString("data.fees.BTC"))));
        assertEquals(List.of(marker.toString()), given().auth().oauth2(trader.token()).get("/exchanges/open-orders").then().statusCode(200)
                .extract().jsonPath().getList("data.orderId"), "a filled order is no longer open");
        assertEquals(409, given().auth().oauth2(trader.token()).delete("/exchanges/cancel-order?orderId=" + id).statusCode());

        JsonPath filledOnly = given().auth().oauth2(trader.token()).get("/exchanges/orders?status=filled&symbol=btcusdt").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(id.toString()), filledOnly.getList("data.orders.orderId"), "the order history, filtered by status");
        JsonPath firstPage = given().auth().oauth2(trader.token()).get("/exchanges/orders?size=1").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(marker.toString()), firstPage.getList("data.orders.orderId"), "newest first, one a page");
        assertEquals(2, firstPage.getLong("data.total"));
        assertEquals(List.of(id.toString()), given().auth().oauth2(trader.token()).get("/exchanges/orders?size=1&page=1").then()
                .statusCode(200).extract().jsonPath().getList("data.orders.orderId"));
        assertEquals(0, given().auth().oauth2(trader.token()).get("/exchanges/orders?from=" + Instant.now().plusSeconds(60)).then()
                .statusCode(200).extract().jsonPath().getLong("data.total"), "none created after now");
        assertEquals(List.of("status"), given().auth().oauth2(trader.token()).get("/exchanges/orders?status=GONE").then().statusCode(400)
                .extract().jsonPath().getList("errors.field"));
        assertEquals(List.of("to"), given().auth().oauth2(trader.token()).get("/exchanges/orders?to=soon").then().statusCode(400)
                .extract().jsonPath().getList("errors.field"));
        assertEquals(0, given().auth().oauth2(newTrader().token()).get("/exchanges/orders").then().statusCode(200).extract().jsonPath()
                .getLong("data.total"), "another trader's history holds none of these");
    }

    @Test
    void anOrderEndsAsTheVenueEndedItAndReportsNamingAnotherAccountChangeNothing() {
        Trader trader = newTrader();
        UUID credential = FleetStub.shared().credential(trader.token(), "valid", Map.of("USDT", "1000"));
        UUID partlyCancelled = UUID.fromString(place(trader, order("type", "LIMIT", "price", "59000.00", "quantity", "0.001"), 201)
                .getString("data.orderId"));
        UUID filled = UUID.fromString(place(trader, order("type", "LIMIT", "price", "59000.00", "quantity", "0.001"), 201)
                .getString("data.orderId"));
        UUID marker = UUID.fromString(place(trader, order("type", "LIMIT", "price", "50000.00", "quantity", "0.001"), 201)
                .getString("data.orderId"));
        Instant now = Instant.now();
        publish(report(update(partlyCancelled, credential, trader.id(), OrderStatus.PARTIALLY_FILLED, "0.0005")));
        publish(report(update(partlyCancelled, credential, trader.id(), OrderStatus.CANCELLED, "0.0005")));
        publish(report(update(partlyCancelled, credential, trader.id(), OrderStatus.PARTIALLY_FILLED, "0.0003")));
        publish(report(update(filled, credential, trader.id(), OrderStatus.FILLED, "0.001")));
        publish(report(new OrderUpdate(filled, credential, trader.id(), "binance", "BTCUSDT", "tf-x", "779", OrderStatus.REJECTED, "-2010",
                "late and wrong", BigDecimal.ZERO, BigDecimal.ZERO, now)));
        // reports naming the trader's order but another user, or another account: someone else's, never applied to it
        publish(report(update(marker, credential, UUID.randomUUID(), OrderStatus.FILLED, "0.001")));
        // (on the account's own partition, so that they are surely applied before the marker below)
        publish(report(update(marker, UUID.randomUUID(), trader.id(), OrderStatus.FILLED, "0.001"), credential));
        publish(report(new Fill(marker, credential, UUID.randomUUID(), "binance", "BTCUSDT", "tf-x", "780", "t9", OrderSide.BUY,
                new BigDecimal("50000"), new BigDecimal("0.001"), new BigDecimal("50"), BigDecimal.ZERO, "USDT", true, now)));
        publish(report(update(marker, credential, trader.id(), OrderStatus.ACCEPTED, "0")));
        await().atMost(WITHIN).until(() -> "ACCEPTED".equals(view(trader, marker).getString("data.status")));

        JsonPath cancelled = view(trader, partlyCancelled);
        assertEquals("CANCELLED", cancelled.getString("data.status"));
        assertEquals(0, new BigDecimal("0.0005").compareTo(new BigDecimal(cancelled.getString("data.executedQuantity"))),
                "what traded before the cancel stays traded");
        assertEquals("FILLED", view(trader, filled).getString("data.status"), "a rejection after the fill does not undo it");
        JsonPath untouched = view(trader, marker);
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(untouched.getString("data.executedQuantity"))));
        assertEquals(List.of(), untouched.getList("data.fills"));
    }

    @Test
    void aSessionRefusedOrAServiceFailingBehindTheOrderIsSaidSoAndNothingIsPlaced() {
        Trader expired = newTrader();
        FleetStub.shared().answerEveryRequest(expired.token(), 401);
        place(expired, order("type", "MARKET", "quantity", "0.001"), 401);
        Trader unlucky = newTrader();
        FleetStub.shared().answerEveryRequest(unlucky.token(), 500);
        given().auth().oauth2(unlucky.token()).contentType("application/json").body(order("type", "MARKET", "quantity", "0.001"))
                .post("/exchanges/place-order").then().statusCode(503).header("Retry-After", "5")
                .body("type", org.hamcrest.Matchers.endsWith("/upstream-unavailable"));
        assertEquals(0, count("SELECT count(*) FROM orders WHERE user_id = ANY($1)", (Object) new UUID[]{expired.id(), unlucky.id()}));
    }

    private static OrderUpdate update(UUID order, UUID credential, UUID user, OrderStatus status, String executed) {
        BigDecimal quantity = new BigDecimal(executed);
        return new OrderUpdate(order, credential, user, "binance", "BTCUSDT", "tf-x", "779", status, null, null, quantity,
                quantity.multiply(new BigDecimal("59000")), Instant.now());
    }

    @Test
    void anotherTradersOrderIsNotFoundOnEveryVerbAndOnesOwnIsCancelledThroughTheConnector() {
        Trader owner = newTrader();
        Trader other = newTrader();
        FleetStub.shared().credential(owner.token(), "valid", Map.of("USDT", "1000"));
        FleetStub.shared().credential(other.token(), "valid", Map.of("USDT", "1000"));
        UUID id = UUID.fromString(place(owner, order("type", "LIMIT", "price", "59000.00", "quantity", "0.001"), 201).getString("data.orderId"));

        assertEquals(404, given().auth().oauth2(other.token()).get("/exchanges/orders/" + id).statusCode());
        assertEquals(404, given().auth().oauth2(other.token()).delete("/exchanges/cancel-order?orderId=" + id).statusCode());
        assertEquals(List.of(), given().auth().oauth2(other.token()).get("/exchanges/open-orders").then().statusCode(200)
                .extract().jsonPath().getList("data"));

        given().auth().oauth2(owner.token()).delete("/exchanges/cancel-order?orderId=" + id).then().statusCode(202)
                .body("data.orderId", org.hamcrest.Matchers.equalTo(id.toString()));
        CancelOrder cancel = awaitIntent(CancelOrder.class, c -> c.orderIntentId().equals(id));
        assertEquals(owner.id(), cancel.userId());
        assertEquals(0, count("SELECT count(*) FROM fleet_outbox WHERE payload::text LIKE $1 AND record_key <> $2", "%" + id + "%",
                cancel.credentialId().toString()), "the cancel goes on the order's own account");
    }

    @Test
    void positionsAndTheTradeHistoryAreTheServersFromTheFillsWithTheirFees() {
        Trader trader = newTrader();
        UUID credential = FleetStub.shared().credential(trader.token(), "valid", Map.of("USDT", "1000", "BTC", "1"));
        UUID entry = placed(trader, "BUY", "60000.00", "0.010");
        UUID add = placed(trader, "BUY", "62000.00", "0.005");
        UUID firstSell = placed(trader, "SELL", "63000.00", "0.006");
        UUID secondSell = placed(trader, "SELL", "59000.00", "0.00899");
        // the fills of docs/pnl.md's worked example: the first buy's fee in BTC, the others' in USDT
        Instant ten = Instant.now().minus(Duration.ofDays(60)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        publish(report(fill(entry, credential, trader.id(), "t1", OrderSide.BUY, "60000", "0.010", "0.00001", "BTC", ten)));
        publish(report(fill(add, credential, trader.id(), "t2", OrderSide.BUY, "62000", "0.005", "0.31", "USDT", ten.plusSeconds(3600))));
        publish(report(fill(firstSell, credential, trader.id(), "t3", OrderSide.SELL, "63000", "0.006", "0.378", "USDT",
                ten.plusSeconds(7200))));
        await().atMost(WITHIN).until(() -> given().auth().oauth2(trader.token()).get("/positions/open").then().statusCode(200)
                .extract().jsonPath().getInt("total_positions") == 1);

        JsonPath open = given().auth().oauth2(trader.token()).get("/positions/open").then().statusCode(200).extract().jsonPath();
        assertEquals("0.00899", open.getString("positions[0].quantity"));
        assertEquals("61112.347052280311", open.getString("positions[0].entry_price"));
        assertEquals("60000.00", open.getString("positions[0].current_price"));
        assertEquals(0, new BigDecimal("-10.0").compareTo(new BigDecimal(open.getString("positions[0].unrealized_pnl"))),
                "60000 × 0.00899 − 549.4");
        assertEquals("LONG", open.getString("positions[0].side"));
        assertEquals(0, new BigDecimal(open.getString("positions[0].untracked_sold")).signum(), "every sell so far was of the platform's buys");

        publish(report(fill(secondSell, credential, trader.id(), "t4", OrderSide.SELL, "59000", "0.00899", "0.53041", "USDT",
                ten.plusSeconds(10800))));
        await().atMost(WITHIN).until(() -> given().auth().oauth2(trader.token()).get("/trades/history?period=all").then().statusCode(200)
                .extract().jsonPath().getInt("total_trades") == 3);
        JsonPath history = given().auth().oauth2(trader.token()).get("/trades/history?period=all").then().statusCode(200).extract().jsonPath();
        assertEquals(0, new BigDecimal("-2.80841").compareTo(new BigDecimal(history.getString("total_pnl"))), "the worked example's PnL");
        assertEquals("17.261639639639639640", history.getString("trades[2].net_pnl"), "newest first: the first sell's trade is last");
        assertEquals("2h 0m", history.getString("trades[2].hold_duration"));
        JsonPath secondPage = given().auth().oauth2(trader.token()).get("/trades/history?period=all&size=2&page=1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, secondPage.getList("trades").size(), "the third of three, two a page");
        assertEquals(3, secondPage.getInt("total_trades"), "totals are of every trade matched");
        assertEquals(1, given().auth().oauth2(trader.token()).get("/trades/history?period=all&to=" + ten.plusSeconds(9000)).then()
                .statusCode(200).extract().jsonPath().getInt("total_trades"), "closed before 12:30: the first sell's only");
        assertEquals(0, given().auth().oauth2(trader.token()).get("/trades/history?period=all&symbol=ETHUSDT").then().statusCode(200)
                .extract().jsonPath().getInt("total_trades"));
        assertEquals(List.of("from"), given().auth().oauth2(trader.token()).get("/trades/history?from=2026-13-45T00:00:00Z").then()
                .statusCode(400).extract().jsonPath().getList("errors.field"));
        assertEquals(List.of("to"), given().auth().oauth2(newTrader().token()).get("/trades/history?to=yesterday").then()
                .statusCode(400).extract().jsonPath().getList("errors.field"), "refused though there is nothing to filter");
        given().auth().oauth2(trader.token()).get("/trades/history?size=501").then().statusCode(400);
        given().auth().oauth2(trader.token()).get("/trades/history?page=abc").then().statusCode(400);
        String csv = given().auth().oauth2(trader.token()).accept("text/csv").get("/trades/history?period=all").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(4, lines.size(), "a header and the three trades: " + csv);
        assertTrue(lines.get(0).startsWith("id,exchange,environment,symbol,side,"));
        assertTrue(lines.get(3).contains(",17.261639639639639640,4.7949,MANUAL,7200"), lines.get(3));
        assertEquals(0, given().auth().oauth2(trader.token()).get("/trades/history").then().statusCode(200).extract().jsonPath()
                .getInt("total_trades"), "none closed within the last 30 days: they closed 60 days ago");
        assertEquals(0, given().auth().oauth2(trader.token()).get("/positions/open").then().statusCode(200).extract().jsonPath()
                .getInt("total_positions"));
        assertEquals(List.of("period"), given().auth().oauth2(trader.token()).get("/trades/history?period=-1d").then().statusCode(400)
                .extract().jsonPath().getList("errors.field"));

        JsonPath metrics = given().auth().oauth2(trader.token()).get("/performance/metrics?period=all&exchange=BINANCE").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(3, metrics.getInt("total_trades"));
        assertEquals(1, metrics.getInt("winning_trades"));
        assertEquals(2, metrics.getInt("losing_trades"));
        assertEquals("33.3333", metrics.getString("win_rate"));
        assertEquals(0, new BigDecimal("-2.80841").compareTo(new BigDecimal(metrics.getString("total_net_pnl"))));
        assertEquals(0, given().auth().oauth2(trader.token()).get("/performance/metrics?period=monthly").then().statusCode(200)
                .extract().jsonPath().getInt("total_trades"), "closed 60 days ago: not this month");
        assertEquals(0, given().auth().oauth2(trader.token()).get("/performance/metrics?exchange=mexc").then().statusCode(200)
                .extract().jsonPath().getInt("total_trades"));
        given().auth().oauth2(trader.token()).get("/performance/metrics?period=yearly").then().statusCode(400);
        assertEquals(0, given().auth().oauth2(newTrader().token()).get("/trades/history?period=all").then().statusCode(200)
                .extract().jsonPath().getInt("total_trades"), "another trader sees none of it");
    }

    @Test
    void cancelAllAsksTheConnectorForTheAccountsSymbolAndTheBalanceIsTheAccountsOwn() {
        Trader trader = newTrader();
        UUID credential = FleetStub.shared().credential(trader.token(), "valid", Map.of("USDT", "1000", "BTC", "0.5", "ETH", "0"));
        UUID resting = placed(trader, "BUY", "50000.00", "0.001");
        JsonPath cancelling = given().auth().oauth2(trader.token()).delete("/exchanges/cancel-all-orders?exchange=BINANCE&symbol=btcusdt")
                .then().statusCode(202).extract().jsonPath();
        assertEquals(List.of(resting.toString()), cancelling.getList("data.orderId"), "the trader's orders it will cancel");
        CancelAll intent = awaitIntent(CancelAll.class, c -> c.credentialId().equals(credential));
        assertEquals("BTCUSDT", intent.symbol());
        assertEquals(trader.id(), intent.userId());

        JsonPath balance = given().auth().oauth2(trader.token()).get("/exchanges/balance?exchange=binance").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("BTC", "USDT"), balance.getList("data.asset"), "what the account holds, by asset");
        assertEquals("1000", balance.getString("data[1].total"));
        JsonPath held = given().auth().oauth2(trader.token()).get("/exchanges/open-positions?exchange=binance").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("BTC", "USDT"), held.getList("data.holdings.asset"));
        assertEquals(0, new BigDecimal("30000").compareTo(new BigDecimal(held.getString("data.holdings[0].valueUsdt"))), "0.5 at 60000");
        assertEquals(0, new BigDecimal("31000").compareTo(new BigDecimal(held.getString("data.totalValueUsdt"))));
        assertEquals(List.of("symbol"), given().auth().oauth2(trader.token()).delete("/exchanges/cancel-all-orders?exchange=binance")
                .then().statusCode(400).extract().jsonPath().getList("errors.field"));
        given().auth().oauth2(newTrader().token()).get("/exchanges/balance?exchange=binance").then().statusCode(404);
    }

    private static UUID placed(Trader trader, String side, String price, String quantity) {
        return UUID.fromString(place(trader, order("type", "LIMIT", "side", side, "price", price, "quantity", quantity), 201)
                .getString("data.orderId"));
    }

    private static Fill fill(UUID order, UUID credential, UUID user, String trade, OrderSide side, String price, String quantity, String fee,
                             String feeAsset, Instant time) {
        BigDecimal amount = new BigDecimal(quantity);
        return new Fill(order, credential, user, "binance", "BTCUSDT", "tf-" + trade, "v-" + trade, trade, side, new BigDecimal(price), amount,
                amount.multiply(new BigDecimal(price)), new BigDecimal(fee), feeAsset, false, time);
    }

    static Stream<JsonAttacks.Attack> strictJsonAttacks() {
        return JsonAttacks.against(Map.of("exchange", "BINANCE", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.001"),
                "symbol").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strictJsonAttacks")
    void aBodyThatIsNotStrictJsonIsRefusedAndNothingIsPlaced(JsonAttacks.Attack attack) {
        Trader trader = newTrader();
        FleetStub.shared().credential(trader.token(), "valid", Map.of("USDT", "1000"));
        var response = JsonAttacks.send(attack).auth().oauth2(trader.token()).post("/exchanges/place-order").then()
                .statusCode(400).contentType("application/problem+json");
        if (attack.field() != null) {
            response.body("errors.field", hasItem(attack.field()));
        }
        assertEquals(0, count("SELECT count(*) FROM orders WHERE user_id = $1", trader.id()));
    }

    private static JsonPath view(Trader trader, UUID id) {
        return given().auth().oauth2(trader.token()).get("/exchanges/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static EventEnvelope report(Object payload) {
        return report(payload, payload instanceof Fill f ? f.credentialId() : ((OrderUpdate) payload).credentialId());
    }

    /** A report as the connector publishes it, keyed (and so partitioned) by {@code key}. */
    private static EventEnvelope report(Object payload, UUID key) {
        return EventEnvelope.create(CONNECTOR, payload instanceof Fill ? Fill.TYPE : OrderUpdate.TYPE, key.toString(),
                dev.tradefleet.contracts.EventCodec.toData(payload));
    }

    private void publish(EventEnvelope event) {
        String topic = Fill.TYPE.equals(event.type()) ? Topics.TRADING_FILLS : Topics.TRADING_ORDER_UPDATES;
        events.publish(topic, event);
    }
}
