package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated market, stepped by hand (the timer is off in tests), observed through Binance's API. */
@QuarkusTest
class SimulatedMarketTest {

    private static final String ADMIN = "test-admin-key";
    private static final String SYMBOL = "BNBUSDT";

    @Inject
    MarketSimulator simulator;

    private static void setPrice(String price) {
        given().header("X-Admin-Key", ADMIN).contentType(ContentType.JSON).body(Map.of("price", price))
                .post("/sim/markets/" + SYMBOL + "/price").then().statusCode(200).body("referencePrice", equalTo(price + ".00000000"));
    }

    private static SignedClient trader() {
        return SignedClient.open(ADMIN, Map.of("BNB", "100", "USDT", "100000"));
    }

    @Test
    void aRestingOrderFillsWhenTheMarketReachesItInQueueOrder() {
        setPrice("600");
        SignedClient first = trader();
        SignedClient second = trader();
        long a = first.limit(SYMBOL, "BUY", "590.00", "1").then().statusCode(200).body("status", equalTo("NEW"))
                .extract().jsonPath().getLong("orderId");
        long b = second.limit(SYMBOL, "BUY", "590.00", "1").then().statusCode(200).extract().jsonPath().getLong("orderId");

        setPrice("595");
        first.order(SYMBOL, a).then().body("status", equalTo("NEW"));

        setPrice("590");
        first.order(SYMBOL, a).then().body("status", equalTo("FILLED")).body("cummulativeQuoteQty", equalTo("590.00000000"));
        second.order(SYMBOL, b).then().body("status", equalTo("FILLED"));
        long firstTrade = first.myTrades(SYMBOL).jsonPath().getLong("[0].id");
        long secondTrade = second.myTrades(SYMBOL).jsonPath().getLong("[0].id");
        assertTrue(firstTrade < secondTrade, "the older order at 590 traded first");
    }

    @Test
    void anOrderArrivingWhileTheMarketQuotesAgainFindsTheBookQuoted() throws Exception {
        setPrice("600");
        SignedClient trader = trader();
        java.util.concurrent.atomic.AtomicBoolean stepping = new java.util.concurrent.atomic.AtomicBoolean(true);
        // the market withdraws and re-quotes its book without pause while market orders come in
        Thread market = new Thread(() -> {
            while (stepping.get()) {
                simulator.step(SYMBOL);
            }
        });
        market.start();
        try {
            for (int i = 0; i < 150; i++) {
                trader.signed("POST", "/api/v3/order", SignedClient.params("symbol", SYMBOL, "side", i % 2 == 0 ? "BUY" : "SELL",
                        "type", "MARKET", "quantity", "0.01")).then().statusCode(200).body("status", equalTo("FILLED"));
            }
        } finally {
            stepping.set(false);
            market.join();
        }
    }

    @Test
    void aStopLossTriggersOnTheMoveAndFillsWhenTheMarketComesToItsLimit() {
        setPrice("600");
        SignedClient trader = trader();
        long stop = trader.signed("POST", "/api/v3/order", SignedClient.params("symbol", SYMBOL, "side", "SELL",
                        "type", "STOP_LOSS_LIMIT", "timeInForce", "GTC", "quantity", "2", "price", "579.00", "stopPrice", "580.00"))
                .then().statusCode(200).body("status", equalTo("NEW")).extract().jsonPath().getLong("orderId");
        given().queryParam("symbol", SYMBOL).get("/api/v3/depth").then().body("asks", not(hasItem(
                java.util.List.of("579.00000000", "2.00000000"))));

        setPrice("580");
        given().queryParam("symbol", SYMBOL).get("/api/v3/depth").then()
                .body("asks[0]", equalTo(java.util.List.of("579.00000000", "2.00000000")));
        trader.order(SYMBOL, stop).then().body("status", equalTo("NEW"));

        setPrice("579");
        trader.order(SYMBOL, stop).then().body("status", equalTo("FILLED")).body("executedQty", equalTo("2.00000000"));
    }

    @Test
    void theMarketQuotesAroundTheReferenceAndThePriceWalksUnlessPaused() {
        setPrice("600");
        Response depth = given().queryParam("symbol", SYMBOL).get("/api/v3/depth");
        assertEquals("599.99000000", depth.jsonPath().getString("bids[0][0]"));
        assertEquals("600.01000000", depth.jsonPath().getString("asks[0][0]"));
        given().queryParam("symbol", SYMBOL).get("/api/v3/ticker/price").then().body("price", equalTo("600.00000000"));

        given().header("X-Admin-Key", ADMIN).post("/sim/pause").then().statusCode(200);
        long paused = simulator.referencePrice(SYMBOL);
        simulator.step(SYMBOL);
        assertEquals(paused, simulator.referencePrice(SYMBOL));
        given().header("X-Admin-Key", ADMIN).post("/sim/resume").then().statusCode(200);
        long before = simulator.referencePrice(SYMBOL);
        for (int i = 0; i < 20 && simulator.referencePrice(SYMBOL) == before; i++) {
            simulator.step(SYMBOL);
        }
        assertNotEquals(before, simulator.referencePrice(SYMBOL));
        given().header("X-Admin-Key", ADMIN).get("/sim/markets").then().statusCode(200).body("symbol", hasItem(SYMBOL));
    }

    @Test
    void theAdminPriceEndpointChecksItsInput() {
        given().header("X-Admin-Key", ADMIN).contentType(ContentType.JSON).body(Map.of("price", "600.001"))
                .post("/sim/markets/" + SYMBOL + "/price").then().statusCode(400);
        given().header("X-Admin-Key", ADMIN).contentType(ContentType.JSON).body(Map.of("price", "600"))
                .post("/sim/markets/NOPE/price").then().statusCode(400).body("code", equalTo(-1121));
        given().contentType(ContentType.JSON).body(Map.of("price", "600")).post("/sim/markets/" + SYMBOL + "/price")
                .then().statusCode(401);
    }
}
