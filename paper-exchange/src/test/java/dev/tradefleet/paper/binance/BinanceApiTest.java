package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.tradefleet.paper.SignedClient.params;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paper exchange driven over real HTTP the way Binance's documentation describes its Spot API v3. */
@QuarkusTest
class BinanceApiTest {

    private static final String SYMBOL = "SOLUSDT";
    private static final String ADMIN_KEY = "test-admin-key";

    private static SignedClient trader() {
        return SignedClient.open(ADMIN_KEY, Map.of("SOL", "100", "USDT", "100000"));
    }

    private static Response limit(SignedClient c, String side, String price, String qty) {
        return c.limit(SYMBOL, side, price, qty);
    }

    @Test
    void publicEndpoints() {
        given().get("/api/v3/ping").then().statusCode(200).body(equalTo("{}"));
        long serverTime = given().get("/api/v3/time").then().statusCode(200).extract().jsonPath().getLong("serverTime");
        assertEquals(System.currentTimeMillis(), serverTime, 5000);
        given().get("/api/v3/exchangeInfo").then().statusCode(200)
                .body("symbols.symbol", hasItem("BTCUSDT"))
                .body("symbols.find { it.symbol == 'BTCUSDT' }.filters.find { it.filterType == 'PRICE_FILTER' }.tickSize",
                        equalTo("0.01000000"))
                .body("symbols.find { it.symbol == 'BTCUSDT' }.filters.find { it.filterType == 'LOT_SIZE' }.stepSize",
                        equalTo("0.00001000"));
        given().queryParam("symbol", "NOPE").get("/api/v3/depth").then().statusCode(400)
                .body("code", equalTo(-1121)).body("msg", equalTo("Invalid symbol."));
        given().get("/api/v3/depth").then().statusCode(400).body("code", equalTo(-1102));
    }

    @Test
    void twoAccountsTradeAndEverythingAddsUp() {
        SignedClient alice = trader();
        SignedClient bob = trader();
        long ask = limit(alice, "SELL", "150.00", "2").then().statusCode(200)
                .body("status", equalTo("NEW")).body("origQty", equalTo("2.00000000")).body("fills", hasSize(0))
                .extract().jsonPath().getLong("orderId");
        given().queryParam("symbol", SYMBOL).get("/api/v3/depth").then().statusCode(200)
                .body("asks[0]", equalTo(List.of("150.00000000", "2.00000000")));

        limit(bob, "BUY", "151.00", "0.5").then().statusCode(200)
                .body("status", equalTo("FILLED")).body("cummulativeQuoteQty", equalTo("75.00000000"))
                .body("fills[0].price", equalTo("150.00000000")).body("fills[0].qty", equalTo("0.50000000"))
                .body("fills[0].commission", equalTo("0.00050000")).body("fills[0].commissionAsset", equalTo("SOL"));

        alice.signed("GET", "/api/v3/order", params("symbol", SYMBOL, "orderId", String.valueOf(ask))).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_FILLED")).body("executedQty", equalTo("0.50000000"));
        alice.signed("GET", "/api/v3/account", Map.of()).then().statusCode(200)
                .body("balances.find { it.asset == 'SOL' }.free", equalTo("98.00000000"))
                .body("balances.find { it.asset == 'SOL' }.locked", equalTo("1.50000000"))
                .body("balances.find { it.asset == 'USDT' }.free", equalTo("100074.92500000"));
        bob.signed("GET", "/api/v3/account", Map.of()).then().statusCode(200)
                .body("balances.find { it.asset == 'SOL' }.free", equalTo("100.49950000"))
                .body("balances.find { it.asset == 'USDT' }.free", equalTo("99925.00000000"));
        bob.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL)).then().statusCode(200)
                .body("[0].isBuyer", equalTo(true)).body("[0].isMaker", equalTo(false)).body("[0].qty", equalTo("0.50000000"));
        alice.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL)).then().statusCode(200)
                .body("[0].isBuyer", equalTo(false)).body("[0].isMaker", equalTo(true)).body("[0].orderId", equalTo((int) ask));
        alice.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL, "orderId", String.valueOf(ask))).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].orderId", equalTo((int) ask));
        alice.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL, "orderId", String.valueOf(ask + 1000))).then()
                .statusCode(200).body("$", hasSize(0));
        // a second trade on the same order, read on from the first one's id: oldest first, from fromId on
        limit(bob, "BUY", "151.00", "0.25").then().statusCode(200).body("status", equalTo("FILLED"));
        List<Integer> ids = alice.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL, "orderId", String.valueOf(ask),
                "fromId", "0")).then().statusCode(200).body("$", hasSize(2)).extract().path("id");
        assertTrue(ids.get(0) < ids.get(1), "oldest first: " + ids);
        alice.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL, "orderId", String.valueOf(ask), "fromId", "0", "limit", "1"))
                .then().body("id", equalTo(List.of(ids.get(0))));
        alice.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL, "orderId", String.valueOf(ask),
                "fromId", String.valueOf(ids.get(0) + 1))).then().body("id", equalTo(List.of(ids.get(1))));

        given().queryParam("symbol", SYMBOL).get("/api/v3/ticker/price").then().body("price", equalTo("150.00000000"));
        given().queryParam("symbol", SYMBOL).get("/api/v3/trades").then().body("price", hasItem("150.00000000"));
        given().queryParam("symbol", SYMBOL).get("/api/v3/ticker/bookTicker").then().body("askPrice", equalTo("150.00000000"));
        given().queryParam("symbol", SYMBOL).get("/api/v3/avgPrice").then().body("mins", equalTo(5));

        alice.signed("GET", "/api/v3/openOrders", params("symbol", SYMBOL)).then().statusCode(200).body("orderId", hasItem((int) ask));
        alice.signed("DELETE", "/api/v3/order", params("symbol", SYMBOL, "orderId", String.valueOf(ask))).then().statusCode(200)
                .body("status", equalTo("CANCELED"));
        alice.signed("GET", "/api/v3/account", Map.of()).then()
                .body("balances.find { it.asset == 'SOL' }.locked", equalTo("0.00000000"));
    }

    @Test
    void parametersInTheBodyAndClientOrderIds() {
        SignedClient carol = trader();
        carol.signedBody("/api/v3/order", params("symbol", SYMBOL, "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "1", "price", "10", "newClientOrderId", "carol-1")).then().statusCode(200)
                .body("clientOrderId", equalTo("carol-1"));
        carol.signed("GET", "/api/v3/order", params("symbol", SYMBOL, "origClientOrderId", "carol-1")).then().statusCode(200)
                .body("price", equalTo("10.00000000"));
        carol.signed("DELETE", "/api/v3/openOrders", params("symbol", SYMBOL)).then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void authenticationErrorsAreBinances() {
        SignedClient dave = trader();
        String query = "symbol=" + SYMBOL + "&timestamp=" + System.currentTimeMillis();
        given().urlEncodingEnabled(false).get("/api/v3/openOrders?" + query + "&signature=" + Signatures.sign(dave.secretKey, query))
                .then().statusCode(401).body("code", equalTo(-2014));
        given().urlEncodingEnabled(false).header("X-MBX-APIKEY", "unknownKey123")
                .get("/api/v3/openOrders?" + query + "&signature=" + Signatures.sign(dave.secretKey, query))
                .then().statusCode(401).body("code", equalTo(-2015)).body("msg", equalTo("Invalid API-key, IP, or permissions for action."));
        given().urlEncodingEnabled(false).header("X-MBX-APIKEY", dave.apiKey)
                .get("/api/v3/openOrders?" + query + "&signature=" + Signatures.sign("wrong secret", query))
                .then().statusCode(400).body("code", equalTo(-1022)).body("msg", equalTo("Signature for this request is not valid."));
        dave.signed("GET", "/api/v3/openOrders", params("symbol", SYMBOL, "timestamp", String.valueOf(System.currentTimeMillis() - 60_000)))
                .then().statusCode(400).body("code", equalTo(-1021));
        dave.signed("GET", "/api/v3/openOrders", params("symbol", SYMBOL, "timestamp", String.valueOf(System.currentTimeMillis() + 10_000)))
                .then().statusCode(400).body("code", equalTo(-1021));
        given().urlEncodingEnabled(false).header("X-MBX-APIKEY", dave.apiKey).get("/api/v3/openOrders?" + query)
                .then().statusCode(400).body("code", equalTo(-1102));
    }

    @Test
    void orderErrorsAreBinances() {
        SignedClient erin = trader();
        limit(erin, "SELL", "150.001", "1").then().statusCode(400).body("code", equalTo(-1013))
                .body("msg", equalTo("Filter failure: PRICE_FILTER"));
        limit(erin, "SELL", "150.00", "0.0001").then().statusCode(400).body("msg", equalTo("Filter failure: LOT_SIZE"));
        limit(erin, "SELL", "150.00", "1000").then().statusCode(400).body("code", equalTo(-2010));
        limit(erin, "SELL", "150.00", "0.000000001").then().statusCode(400).body("code", equalTo(-1111));
        limit(erin, "SELL", "abc", "1").then().statusCode(400).body("code", equalTo(-1100));
        limit(erin, "SIDEWAYS", "150.00", "1").then().statusCode(400).body("code", equalTo(-1117));
        erin.signed("POST", "/api/v3/order", params("symbol", SYMBOL, "side", "BUY", "type", "LIMIT", "quantity", "1", "price", "10"))
                .then().statusCode(400).body("code", equalTo(-1102)).body("msg", equalTo(
                        "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed."));
        erin.signed("DELETE", "/api/v3/order", params("symbol", SYMBOL, "orderId", "999999")).then().statusCode(400)
                .body("code", equalTo(-2011)).body("msg", equalTo("Unknown order sent."));
        erin.signed("GET", "/api/v3/order", params("symbol", SYMBOL, "orderId", "999999")).then().statusCode(400)
                .body("code", equalTo(-2013)).body("msg", equalTo("Order does not exist."));
    }

    @Test
    void oneAccountCannotSeeOrTouchAnothersOrders() {
        SignedClient frank = trader();
        SignedClient grace = trader();
        long id = limit(frank, "BUY", "10.00", "1").then().statusCode(200).extract().jsonPath().getLong("orderId");
        grace.signed("GET", "/api/v3/order", params("symbol", SYMBOL, "orderId", String.valueOf(id))).then().statusCode(400)
                .body("code", equalTo(-2013));
        grace.signed("DELETE", "/api/v3/order", params("symbol", SYMBOL, "orderId", String.valueOf(id))).then().statusCode(400)
                .body("code", equalTo(-2011));
        grace.signed("DELETE", "/api/v3/openOrders", params("symbol", SYMBOL)).then().statusCode(200);
        frank.signed("GET", "/api/v3/order", params("symbol", SYMBOL, "orderId", String.valueOf(id))).then()
                .body("status", equalTo("NEW"));
    }

    @Test
    void candlesTickersAndOrderHistoryFollowTheTrades() {
        BinanceTestSupport.trade(trader(), trader(), SYMBOL, "151.50", "1");
        given().queryParam("symbol", SYMBOL).queryParam("interval", "1m").get("/api/v3/klines").then().statusCode(200)
                .body("[-1][4]", equalTo("151.50000000"))
                .header("X-MBX-USED-WEIGHT-1M", org.hamcrest.Matchers.notNullValue());
        given().queryParam("symbol", SYMBOL).queryParam("interval", "7m").get("/api/v3/klines").then().statusCode(400)
                .body("code", equalTo(-1120));
        given().queryParam("symbol", SYMBOL).get("/api/v3/ticker/24hr").then().statusCode(200)
                .body("lastPrice", equalTo("151.50000000")).body("count", greaterThan(0));

        SignedClient henry = trader();
        henry.limit(SYMBOL, "BUY", "10.00", "1").then().statusCode(200);
        henry.limit(SYMBOL, "BUY", "11.00", "1").then().statusCode(200);
        henry.signed("GET", "/api/v3/allOrders", params("symbol", SYMBOL)).then().statusCode(200)
                .body("$", hasSize(2)).body("price", equalTo(List.of("10.00000000", "11.00000000")));
    }

    @Test
    void ocoOrderListsThroughTheApi() {
        BinanceTestSupport.trade(trader(), trader(), SYMBOL, "150.00", "0.1");
        SignedClient ivy = trader();
        long listId = ivy.signed("POST", "/api/v3/orderList/oco", params("symbol", SYMBOL, "side", "SELL", "quantity", "1",
                        "aboveType", "LIMIT_MAKER", "abovePrice", "160.00",
                        "belowType", "STOP_LOSS_LIMIT", "belowPrice", "139.00", "belowStopPrice", "140.00", "belowTimeInForce", "GTC"))
                .then().statusCode(200).body("contingencyType", equalTo("OCO")).body("listOrderStatus", equalTo("EXECUTING"))
                .body("orders", hasSize(2)).body("orderReports", hasSize(2))
                .extract().jsonPath().getLong("orderListId");
        ivy.signed("GET", "/api/v3/openOrderList", Map.of()).then().statusCode(200).body("orderListId", hasItem((int) listId));
        ivy.signed("GET", "/api/v3/orderList", params("orderListId", String.valueOf(listId))).then().statusCode(200)
                .body("listStatusType", equalTo("EXEC_STARTED"));
        ivy.signed("DELETE", "/api/v3/orderList", params("symbol", SYMBOL, "orderListId", String.valueOf(listId))).then()
                .statusCode(200).body("listOrderStatus", equalTo("ALL_DONE")).body("orderReports.status", everyItem(equalTo("CANCELED")));
        ivy.signed("POST", "/api/v3/orderList/oco", params("symbol", SYMBOL, "side", "SELL", "quantity", "1",
                        "aboveType", "LIMIT_MAKER", "abovePrice", "149.00",
                        "belowType", "STOP_LOSS_LIMIT", "belowPrice", "139.00", "belowStopPrice", "140.00", "belowTimeInForce", "GTC"))
                .then().statusCode(400).body("code", equalTo(-2010));
    }

    @Test
    void badParametersGetBinancesErrorsNeverA500() {
        for (String limit : List.of("0", "-1", "abc", "1e400", "99999999999999999999")) {
            given().queryParam("symbol", SYMBOL).queryParam("limit", limit).get("/api/v3/trades").then().statusCode(400)
                    .body("code", equalTo(-1100));
            given().queryParam("symbol", SYMBOL).queryParam("limit", limit).get("/api/v3/depth").then().statusCode(400)
                    .body("code", equalTo(-1100));
            given().queryParam("symbol", SYMBOL).queryParam("interval", "1m").queryParam("limit", limit).get("/api/v3/klines")
                    .then().statusCode(400).body("code", equalTo(-1100));
        }
        given().queryParam("symbol", SYMBOL).queryParam("interval", "1m").queryParam("startTime", "2000").queryParam("endTime", "1000")
                .get("/api/v3/klines").then().statusCode(400).body("code", equalTo(-1023))
                .body("msg", equalTo("Start time is greater than end time."));
        given().queryParam("symbol", SYMBOL).queryParam("interval", "1m").queryParam("startTime", "-5")
                .get("/api/v3/klines").then().statusCode(400).body("code", equalTo(-1100));
        SignedClient frank = trader();
        for (String limit : List.of("0", "-3", "x")) {
            frank.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL, "limit", limit)).then().statusCode(400)
                    .body("code", equalTo(-1100));
            frank.signed("GET", "/api/v3/allOrders", params("symbol", SYMBOL, "limit", limit)).then().statusCode(400)
                    .body("code", equalTo(-1100));
        }
        limit(frank, "SELL", "150.00", "1e400").then().statusCode(400).body("code", equalTo(-1100));
        limit(frank, "SELL", "1e400", "1").then().statusCode(400).body("code", equalTo(-1100));
        frank.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL, "limit", "5000")).then().statusCode(200);
    }

    @Test
    void anAccountWithABadBalanceIsRefusedWholeAndNothingIsOpened() {
        List<Map<String, String>> bad = List.of(Map.of("USDT", "0"), Map.of("USDT", "0.00"), Map.of("USDT", "-5"),
                Map.of("USDT", "1e400"), Map.of("USDT", "999999999999.99999999"), Map.of("USDT", "1", "BTC", "999999999999"),
                Map.of("usdt", "1"), Map.of("USDT", "1.123456789"));
        for (Map<String, String> balances : bad) {
            given().header("X-Admin-Key", ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("balances", balances))
                    .post("/sim/accounts").then().statusCode(400).body("code", equalTo(-1100));
        }
        given().header("X-Admin-Key", ADMIN_KEY).contentType(ContentType.JSON).body("{\"balances\":{\"USDT\":null}}")
                .post("/sim/accounts").then().statusCode(400).body("code", equalTo(-1100));
        given().header("X-Admin-Key", ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("price", "999999999999.99999999"))
                .post("/sim/markets/" + SYMBOL + "/price").then().statusCode(400);
        given().header("X-Admin-Key", ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("price", "0"))
                .post("/sim/markets/" + SYMBOL + "/price").then().statusCode(400);
    }

    @Test
    void theAdminApiNeedsItsKey() {
        given().contentType(ContentType.JSON).body(Map.of("balances", Map.of("USDT", "1"))).post("/sim/accounts")
                .then().statusCode(401);
        given().header("X-Admin-Key", "wrong").get("/sim/symbols").then().statusCode(401);
        given().header("X-Admin-Key", ADMIN_KEY).get("/sim/symbols").then().statusCode(200)
                .body("$", hasItem("BTCUSDT")).body("size()", greaterThan(3));
        given().header("X-Admin-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("balances", Map.of("USDT", "-5"))).post("/sim/accounts").then().statusCode(400);
    }
}
