package dev.tradefleet.paper.mexc;

import dev.tradefleet.paper.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.time.Duration;
import java.util.Map;

import static dev.tradefleet.paper.SignedClient.params;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The paper exchange's MEXC face driven over real HTTP as MEXC's Spot v3 documentation describes it. */
@QuarkusTest
class MexcApiTest {

    private static final String ADMIN_KEY = "test-admin-key";
    private static final String SYMBOL = "BNBUSDT";

    private static SignedClient trader() {
        return SignedClient.openMexc(ADMIN_KEY, Map.of("BNB", "100", "USDT", "100000"));
    }

    @Test
    void marketDataInMexcShapes() {
        given().get("/mexc/api/v3/ping").then().statusCode(200).body(equalTo("{}"));
        given().get("/mexc/api/v3/exchangeInfo").then().statusCode(200)
                .body("symbols.symbol", hasItem("BTCUSDT"))
                .body("symbols.find { it.symbol == 'BTCUSDT' }.status", equalTo("1"))
                .body("symbols.find { it.symbol == 'BTCUSDT' }.quotePrecision", equalTo(2))
                .body("symbols.find { it.symbol == 'BTCUSDT' }.baseAssetPrecision", equalTo(5))
                .body("symbols.find { it.symbol == 'BTCUSDT' }.baseSizePrecision", equalTo("0.00001"))
                .body("symbols.find { it.symbol == 'BTCUSDT' }.quoteAmountPrecision", equalTo("5"))
                .body("symbols.find { it.symbol == 'BTCUSDT' }.filters", hasSize(0))
                .body("symbols.find { it.symbol == 'BTCUSDT' }.orderTypes", equalTo(List.of("LIMIT", "MARKET", "LIMIT_MAKER")));
        SignedClient seller = trader();
        seller.signed("POST", "/api/v3/order", params("symbol", SYMBOL, "side", "SELL", "type", "LIMIT", "quantity", "0.1", "price", "610"))
                .then().statusCode(200);
        trader().signed("POST", "/api/v3/order", params("symbol", SYMBOL, "side", "BUY", "type", "MARKET", "quoteOrderQty", "61"))
                .then().statusCode(200);
        given().queryParams("symbol", SYMBOL, "interval", "60m", "limit", "3").get("/mexc/api/v3/klines").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThan(0)).body("collect { it.size() }", org.hamcrest.Matchers.everyItem(equalTo(8)));
        given().queryParams("symbol", "BTCUSDT", "interval", "1h").get("/mexc/api/v3/klines").then().statusCode(400)
                .body("code", equalTo(33333));
        given().queryParam("symbol", "BTCUSDT").get("/mexc/api/v3/ticker/24hr").then().statusCode(200)
                .body("$", hasKey("prevClosePrice")).body("$", not(hasKey("weightedAvgPrice"))).body("count", nullValue());
        given().queryParam("symbol", "NOPEUSDT").get("/mexc/api/v3/depth").then().statusCode(400)
                .body("code", equalTo(10007)).body("msg", equalTo("bad symbol"));
        given().get("/mexc/api/v3/nothing-here").then().statusCode(404).body("code", equalTo(404));
    }

    @Test
    void ordersAnsweredWithoutStatusAreFollowedByQueryAndTrades() {
        SignedClient alice = trader();
        SignedClient bob = trader();
        String ask = alice.signed("POST", "/api/v3/order", params("symbol", SYMBOL, "side", "SELL", "type", "LIMIT",
                        "quantity", "2", "price", "600", "newClientOrderId", "alice-ask-1"))
                .then().statusCode(200).body("orderId", startsWith("C02__")).body("$", not(hasKey("status")))
                .body("$", not(hasKey("fills"))).body("type", equalTo("LIMIT")).extract().path("orderId");
        alice.signed("GET", "/api/v3/order", params("symbol", SYMBOL, "orderId", ask)).then().statusCode(200)
                .body("status", equalTo("NEW")).body("clientOrderId", equalTo("alice-ask-1")).body("timeInForce", nullValue());
        alice.signed("GET", "/api/v3/openOrders", params("symbol", SYMBOL)).then().statusCode(200).body("orderId", hasItem(ask));

        bob.signed("POST", "/api/v3/order", params("symbol", SYMBOL, "side", "BUY", "type", "IMMEDIATE_OR_CANCEL",
                "quantity", "0.5", "price", "600", "newClientOrderId", "bob-ioc-1")).then().statusCode(200)
                .body("type", equalTo("IMMEDIATE_OR_CANCEL"));
        bob.signed("GET", "/api/v3/order", params("symbol", SYMBOL, "origClientOrderId", "bob-ioc-1")).then().statusCode(200)
                .body("status", equalTo("FILLED")).body("executedQty", equalTo("0.50000000"))
                .body("cummulativeQuoteQty", equalTo("300.00000000"));
        alice.signed("GET", "/api/v3/myTrades", params("symbol", SYMBOL, "orderId", ask)).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].orderId", equalTo(ask)).body("[0].isMaker", equalTo(true))
                .body("[0].qty", equalTo("0.50000000")).body("[0].id", org.hamcrest.Matchers.instanceOf(String.class));

        alice.signed("DELETE", "/api/v3/order", params("symbol", SYMBOL, "origClientOrderId", "alice-ask-1")).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_CANCELED")).body("origClientOrderId", equalTo("alice-ask-1"));
        alice.signed("GET", "/api/v3/account", params()).then().statusCode(200).body("accountType", equalTo("SPOT"))
                .body("balances.find { it.asset == 'BNB' }.free", equalTo("99.50000000"));
    }

    @Test
    void refusalsCarryMexcCodes() {
        SignedClient carol = trader();
        carol.signed("POST", "/api/v3/order", params("symbol", SYMBOL, "side", "SELL", "type", "STOP_LOSS_LIMIT", "quantity", "1",
                "price", "500", "stopPrice", "510")).then().statusCode(400).body("code", equalTo(30041));
        carol.signed("POST", "/api/v3/order", params("symbol", SYMBOL, "side", "SELL", "type", "LIMIT", "quantity", "1000",
                "price", "600")).then().statusCode(400).body("code", equalTo(30004)).body("msg", equalTo("Insufficient position"));
        carol.signed("POST", "/api/v3/order", params("symbol", SYMBOL, "side", "SELL", "type", "LIMIT", "quantity", "0.001",
                "price", "600")).then().statusCode(400).body("code", equalTo(30002));
        carol.signed("GET", "/api/v3/openOrders", params()).then().statusCode(400).body("code", equalTo(44444));
        carol.signed("GET", "/api/v3/order", params("symbol", SYMBOL)).then().statusCode(400).body("code", equalTo(700004));
        carol.signed("GET", "/api/v3/order", params("symbol", SYMBOL, "origClientOrderId", "never-placed")).then().statusCode(400)
                .body("code", equalTo(-2013)).body("msg", equalTo("Order does not exist."));
        carol.signed("GET", "/api/v3/order", params("symbol", SYMBOL, "orderId", "12345")).then().statusCode(400)
                .body("code", equalTo(-2013));
        carol.signed("DELETE", "/api/v3/order", params("symbol", SYMBOL, "origClientOrderId", "never-placed")).then().statusCode(400)
                .body("code", equalTo(-2011));
        carol.signed("GET", "/api/v3/account", params("timestamp", "1000")).then().statusCode(400).body("code", equalTo(700003));
        new SignedClient(carol.apiKey, "not-the-secret").asMexc().signed("GET", "/api/v3/account", params()).then().statusCode(400)
                .body("code", equalTo(700002));
        given().post("/mexc/api/v3/orderList/oco").then().statusCode(404);
    }

    @Test
    void eachFaceHasItsOwnAccounts() {
        SignedClient onMexc = trader();
        SignedClient onBinance = SignedClient.open(ADMIN_KEY, Map.of("USDT", "10"));
        onBinance.asMexc().signed("GET", "/api/v3/account", params()).then().statusCode(401)
                .body("code", equalTo(10072)).body("msg", equalTo("Api key info invalid"));
        new SignedClient(onMexc.apiKey, onMexc.secretKey).signed("GET", "/api/v3/account", params()).then().statusCode(401)
                .body("code", equalTo(-2015));
        given().header("X-Admin-Key", ADMIN_KEY).contentType("application/json").body(Map.of("venue", "kraken", "balances", Map.of()))
                .post("/sim/accounts").then().statusCode(400);
    }

    @Test
    void theMexcFacesWalletMovesFundsBetweenItsAccountsInMexcsTerms() {
        SignedClient kim = SignedClient.openMexc(ADMIN_KEY, Map.of("USDT", "100"));
        SignedClient lou = SignedClient.openMexc(ADMIN_KEY, Map.of("BNB", "1"));
        kim.signed("GET", "/api/v3/capital/config/getall", params()).then().statusCode(200)
                .body("find { it.coin == 'USDT' }.networkList[0].netWork", equalTo("USDT"))
                .body("find { it.coin == 'USDT' }.networkList[0].withdrawFee", equalTo("1"));
        String lousAddress = lou.signed("GET", "/api/v3/capital/deposit/address", params("coin", "USDT")).then().statusCode(200)
                .body("[0].network", equalTo("USDT")).body("[0].memo", nullValue()).extract().jsonPath().getString("[0].address");
        lou.signed("GET", "/api/v3/capital/deposit/address", params("coin", "USDT", "network", "TRC20")).then().statusCode(200)
                .body("$", hasSize(0));

        String id = kim.signed("POST", "/api/v3/capital/withdraw", params("coin", "USDT", "netWork", "USDT", "address", lousAddress,
                "amount", "20", "withdrawOrderId", "mx-1")).then().statusCode(200).extract().jsonPath().getString("id");
        kim.signed("POST", "/api/v3/capital/withdraw", params("coin", "USDT", "address", lousAddress, "amount", "500")).then().statusCode(400)
                .body("code", equalTo(10101));
        kim.signed("POST", "/api/v3/capital/withdraw", params("coin", "USDT", "address", lousAddress, "amount", "2")).then().statusCode(400)
                .body("code", equalTo(10097));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> kim.signed("GET", "/api/v3/capital/withdraw/history", params("coin", "USDT"))
                .then().statusCode(200).body("[0].id", equalTo(id)).body("[0].status", equalTo(7)).body("[0].withdrawOrderId", equalTo("mx-1"))
                .body("[0].transactionFee", equalTo("1.00000000")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> lou.signed("GET", "/api/v3/capital/deposit/hisrec", params("coin", "USDT"))
                .then().statusCode(200).body("[0].status", equalTo(5)).body("[0].amount", equalTo("20.00000000")));
        kim.signed("GET", "/api/v3/capital/withdraw/history", params("startTime", String.valueOf(System.currentTimeMillis() - 8L * 86_400_000)))
                .then().statusCode(400).body("code", equalTo(33333));
        kim.asBinance().signed("GET", "/sapi/v1/capital/deposit/hisrec", params()).then().statusCode(401);
    }
}
