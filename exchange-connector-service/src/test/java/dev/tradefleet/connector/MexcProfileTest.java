package dev.tradefleet.connector;

import dev.tradefleet.connector.orders.ClientOrderIds;
import dev.tradefleet.contracts.trading.CancelOrder;
import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.contracts.trading.PlaceOco;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TimeInForce;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MEXC adapter end to end against the paper exchange's MEXC face: MEXC answers a placement with neither status
 * nor fills, has no user stream the connector uses and no stop or OCO orders, so orders are followed by asking and
 * the exits a caller wants are refused as unsupported (order-service emulates them).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(ConnectorTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MexcProfileTest {

    private Trading trading;

    @BeforeAll
    void startTrading() {
        trading = new Trading();
    }

    @AfterAll
    void stopTrading() {
        trading.close();
    }

    private Trading.Account mexcAccount() {
        return trading.newAccount("mexc", "paper");
    }

    private static BigDecimal total(List<Fill> fills) {
        return fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aMarketOrderIsFilledAndReportedOnceWithItsFillsThoughThePlacementAnswerHasNeither() throws Exception {
        Trading.Account account = mexcAccount();
        PlaceOrder buy = Trading.marketBuy(account, "0.001");
        trading.send(buy);

        OrderUpdate filled = trading.awaitUpdate(buy.intentId(), OrderStatus.FILLED);
        assertEquals("mexc", filled.venue());
        assertEquals(ClientOrderIds.of(buy.intentId(), ClientOrderIds.Venue.MEXC), filled.clientOrderId());
        assertTrue(filled.venueOrderId().startsWith("C02__"), "MEXC's order id, kept as the string it is: " + filled.venueOrderId());
        await().atMost(Trading.WITHIN).until(() -> total(trading.fills(buy.intentId())).compareTo(new BigDecimal("0.001")) == 0);
        List<Fill> fills = trading.fills(buy.intentId());
        assertEquals(fills.size(), fills.stream().map(Fill::tradeId).distinct().count(), "each trade reported once");
        fills.forEach(f -> assertEquals(filled.venueOrderId(), f.venueOrderId()));
        Thread.sleep(2500);
        assertEquals(1, trading.ordersOnTheVenue(account).size(), "placed once");
        assertEquals(1, trading.updates(buy.intentId()).stream().filter(u -> u.status() == OrderStatus.FILLED).count(), "reported once");
        assertEquals(fills.size(), trading.fills(buy.intentId()).size(), "polling reports nothing twice");
    }

    @Test
    void aRestingOrderFilledLaterIsFoundByPollingAndACancelledOneIsReportedCancelled() throws Exception {
        Trading.Account account = mexcAccount();
        BigDecimal reference = new BigDecimal(trading.referencePrice("BTCUSDT"));
        BigDecimal bidPrice = reference.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.DOWN);
        PlaceOrder bid = new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT",
                OrderSide.BUY, OrderKind.LIMIT, null, new BigDecimal("0.001"), null, bidPrice, null);
        PlaceOrder farBid = Trading.limitBuy(account, "0.01", "1000");
        trading.send(bid);
        trading.send(farBid);
        trading.awaitUpdate(bid.intentId(), OrderStatus.ACCEPTED);
        trading.awaitUpdate(farBid.intentId(), OrderStatus.ACCEPTED);
        try {
            // the market falls through the first bid only; nothing of ours asks, and the reconciliation sweep is minutes away
            trading.paper().admin("POST", "/sim/markets/BTCUSDT/price",
                    Map.of("price", bidPrice.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.DOWN).toPlainString()));
            trading.awaitUpdate(bid.intentId(), OrderStatus.FILLED);
            await().atMost(Trading.WITHIN).until(() -> total(trading.fills(bid.intentId())).compareTo(new BigDecimal("0.001")) == 0);
        } finally {
            trading.paper().admin("POST", "/sim/markets/BTCUSDT/price", Map.of("price", reference.toPlainString()));
        }
        assertTrue(trading.fills(bid.intentId()).stream().allMatch(Fill::maker));

        trading.send(new CancelOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT",
                farBid.intentId()));
        trading.awaitUpdate(farBid.intentId(), OrderStatus.CANCELLED);
        assertEquals(List.of(OrderStatus.ACCEPTED, OrderStatus.CANCELLED), trading.statuses(farBid.intentId()));
    }

    @Test
    void immediateOrCancelIsMexcsOwnOrderTypeAndStopsAndOcoAreRefusedUnsent() throws Exception {
        Trading.Account account = mexcAccount();
        PlaceOrder ioc = new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT",
                OrderSide.BUY, OrderKind.LIMIT, TimeInForce.IOC, new BigDecimal("0.01"), null, new BigDecimal("1000"), null);
        trading.send(ioc);
        OrderUpdate expired = await().atMost(Trading.WITHIN).until(() -> trading.updates(ioc.intentId()).stream()
                .filter(u -> u.status() == OrderStatus.CANCELLED || u.status() == OrderStatus.EXPIRED).findFirst().orElse(null),
                u -> u != null);
        assertEquals(0, BigDecimal.ZERO.compareTo(expired.executedQuantity()), "nothing to take at 1000: it ended unfilled");

        PlaceOrder stop = new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT",
                OrderSide.SELL, OrderKind.STOP_LIMIT, TimeInForce.GTC, new BigDecimal("0.001"), null, new BigDecimal("1000"),
                new BigDecimal("1001"));
        trading.send(stop);
        assertEquals("unsupported-order", trading.awaitUpdate(stop.intentId(), OrderStatus.REJECTED).reasonCode());
        BigDecimal reference = new BigDecimal(trading.referencePrice("BTCUSDT"));
        PlaceOco oco = new PlaceOco(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT", OrderSide.SELL,
                new BigDecimal("0.001"), reference.multiply(new BigDecimal("1.5")).setScale(2, RoundingMode.DOWN),
                reference.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.DOWN),
                reference.multiply(new BigDecimal("0.49")).setScale(2, RoundingMode.DOWN));
        trading.send(oco);
        // refused as the two legs it would have placed, each under its leg id
        for (UUID leg : List.of(oco.takeProfitLegId(), oco.stopLossLegId())) {
            assertEquals("unsupported-order", trading.awaitUpdate(leg, OrderStatus.REJECTED).reasonCode());
        }
        assertEquals(1, trading.ordersOnTheVenue(account).size(), "only the IOC reached the venue");
    }

    @Test
    void mexcMarketsInTheFleetsTerms() {
        String token = TokenKeysResource.tokens().valid(UUID.randomUUID().toString(), List.of("user"));
        String mexc = "/connector/markets/mexc/paper";
        given().auth().oauth2(token).get(mexc + "/symbols").then().statusCode(200)
                .body("find { it.symbol == 'BTCUSDT' }.status", equalTo("TRADING"))
                .body("find { it.symbol == 'BTCUSDT' }.tickSize", equalTo("0.01"))
                .body("find { it.symbol == 'BTCUSDT' }.stepSize", equalTo("0.00001"))
                .body("find { it.symbol == 'BTCUSDT' }.minQuantity", equalTo("0.00001"))
                .body("find { it.symbol == 'BTCUSDT' }.minNotional", equalTo("5"));
        given().auth().oauth2(token).get(mexc + "/symbols/BTCUSDT/ticker").then().statusCode(200)
                .body("symbol", equalTo("BTCUSDT")).body("lastPrice", matchesPattern("[0-9]+\\.[0-9]+"))
                .body("priceChangePercent", matchesPattern("-?[0-9]+(\\.[0-9]+)?"));
        // the paper exchange, as MEXC, refuses "1h": an answer at all shows the adapter asked for "60m"
        given().auth().oauth2(token).get(mexc + "/symbols/BTCUSDT/candles?interval=1h&limit=5").then().statusCode(200)
                .body("size()", lessThanOrEqualTo(5));
        given().auth().oauth2(token).get("/connector/markets/mexc/testnet/symbols").then().statusCode(404);
    }
}
