package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.tradefleet.paper.SignedClient.params;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.awaitility.Awaitility.await;

/** What standard Binance clients (ccxt's binance class among them) call while loading markets and balances. */
@QuarkusTest
class WalletApiTest {

    @Test
    void coinsWithNetworksFeesAndTheCallersBalances() {
        SignedClient gina = SignedClient.open("test-admin-key", Map.of("USDT", "2500.5", "BTC", "0.25"));
        gina.signed("GET", "/sapi/v1/capital/config/getall", params()).then().statusCode(200)
                .body("coin", hasItems("BTC", "ETH", "USDT", "SOL", "BNB"))
                .body("find { it.coin == 'USDT' }.free", equalTo("2500.50000000"))
                .body("find { it.coin == 'BTC' }.free", equalTo("0.25000000"))
                .body("find { it.coin == 'ETH' }.free", equalTo("0.00000000"))
                .body("find { it.coin == 'BTC' }.depositAllEnable", equalTo(true))
                .body("find { it.coin == 'BTC' }.networkList[0].network", equalTo("BTC"))
                .body("find { it.coin == 'BTC' }.networkList[0].withdrawEnable", equalTo(true))
                .body("find { it.coin == 'BTC' }.networkList[0].withdrawFee", equalTo("0.0002"))
                .body("find { it.coin == 'BTC' }.networkList[0].withdrawMin", equalTo("0.001"))
                .body("find { it.coin == 'USDT' }.networkList[0].isDefault", equalTo(true));
        gina.signed("GET", "/sapi/v1/margin/allPairs", params()).then().statusCode(200).body("$", empty());
        gina.signed("GET", "/sapi/v1/margin/isolated/allPairs", params()).then().statusCode(200).body("$", empty());
    }

    @Test
    void walletCallsAreSignedLikeEveryOtherPrivateCall() {
        given().get("/sapi/v1/capital/config/getall").then().statusCode(401).body("code", equalTo(-2014));
        given().header("X-MBX-APIKEY", "nobodyskey").queryParam("timestamp", System.currentTimeMillis())
                .queryParam("signature", "00").get("/sapi/v1/capital/config/getall").then().statusCode(401)
                .body("code", equalTo(-2015));
    }

    @Test
    void aSpotOnlyVenueHasNoFuturesMarkets() {
        given().get("/fapi/v1/exchangeInfo").then().statusCode(200).body("symbols", empty()).body("timezone", equalTo("UTC"));
        given().get("/dapi/v1/exchangeInfo").then().statusCode(200).body("symbols", empty());
    }

    private static final String ADMIN_KEY = "test-admin-key";

    private static String address(SignedClient client, String coin) {
        return client.signed("GET", "/sapi/v1/capital/deposit/address", params("coin", coin, "network", coin)).then().statusCode(200)
                .body("coin", equalTo(coin)).body("tag", equalTo("")).extract().jsonPath().getString("address");
    }

    private static String free(SignedClient client, String asset) {
        return client.signed("GET", "/api/v3/account", Map.of()).then().statusCode(200).extract().jsonPath()
                .getString("balances.find { it.asset == '" + asset + "' }.free");
    }

    @Test
    void fundsArriveAtADepositAddressAndLeaveByWithdrawalIntoAnotherPaperAccount() {
        SignedClient gina = SignedClient.open(ADMIN_KEY, Map.of("USDT", "100"));
        SignedClient hal = SignedClient.open(ADMIN_KEY, Map.of("BTC", "1"));
        String ginas = address(gina, "USDT");
        assertEquals(ginas, address(gina, "USDT"), "one address per account and coin");
        assertNotEquals(ginas, address(hal, "USDT"));
        gina.signed("GET", "/sapi/v1/capital/deposit/address", params("coin", "USDT", "network", "TRX")).then().statusCode(400)
                .body("code", equalTo(-1102));

        given().header("X-Admin-Key", ADMIN_KEY).contentType("application/json")
                .body(Map.of("address", ginas, "coin", "USDT", "amount", "50", "txId", "0xfeed")).post("/sim/deposits").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> gina.signed("GET", "/sapi/v1/capital/deposit/hisrec", params("coin", "USDT"))
                .then().statusCode(200).body("[0].status", equalTo(1)).body("[0].amount", equalTo("50.00000000"))
                .body("[0].txId", equalTo("0xfeed")).body("[0].address", equalTo(ginas)));
        assertEquals("150.00000000", free(gina, "USDT"));

        String halsAddress = address(hal, "USDT");
        String id = gina.signedBody("/sapi/v1/capital/withdraw/apply", params("coin", "USDT", "network", "USDT", "address", halsAddress,
                "amount", "20", "withdrawOrderId", "w-1")).then().statusCode(200).extract().jsonPath().getString("id");
        assertEquals("129.00000000", free(gina, "USDT"), "the amount and its fee of 1 leave at once");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> gina.signed("GET", "/sapi/v1/capital/withdraw/history",
                params("withdrawOrderId", "w-1")).then().statusCode(200).body("[0].id", equalTo(id)).body("[0].status", equalTo(6))
                .body("[0].amount", equalTo("20.00000000")).body("[0].transactionFee", equalTo("1.00000000"))
                .body("[0].txId", equalTo("paper-tx-" + id)).body("[0].applyTime", matchesPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals("20.00000000", free(hal, "USDT"), "sent to hal's address"));
        hal.signed("GET", "/sapi/v1/capital/deposit/hisrec", params()).then().statusCode(200).body("[0].txId", equalTo("paper-tx-" + id));
        hal.signed("GET", "/sapi/v1/capital/withdraw/history", params()).then().statusCode(200).body("$", empty());
    }

    @Test
    void aWithdrawalThatCannotBeMadeIsRefusedWholeWithBinancesCode() {
        SignedClient ivy = SignedClient.open(ADMIN_KEY, Map.of("USDT", "30", "BTC", "0.01"));
        String elsewhere = "0x94df8b352de7f46f64b01d3666bf6e936e44ce60";
        ivy.signedBody("/sapi/v1/capital/withdraw/apply", params("coin", "USDT", "address", elsewhere, "amount", "5")).then().statusCode(400)
                .body("code", equalTo(-4022)).body("msg", equalTo("Not less than the minimum pick-up quantity 10."));
        ivy.signedBody("/sapi/v1/capital/withdraw/apply", params("coin", "USDT", "address", elsewhere, "amount", "29.5")).then().statusCode(400)
                .body("code", equalTo(-4026));
        ivy.signedBody("/sapi/v1/capital/withdraw/apply", params("coin", "DOGE", "address", elsewhere, "amount", "29")).then().statusCode(400)
                .body("code", equalTo(-4019));
        ivy.signedBody("/sapi/v1/capital/withdraw/apply", params("coin", "USDT", "network", "TRX", "address", elsewhere, "amount", "12"))
                .then().statusCode(400).body("code", equalTo(-1102));
        ivy.signedBody("/sapi/v1/capital/withdraw/apply", params("coin", "USDT", "address", elsewhere, "amount", "12.123456789"))
                .then().statusCode(400).body("code", equalTo(-1111));
        assertEquals("30.00000000", free(ivy, "USDT"), "nothing debited");

        ivy.signedBody("/sapi/v1/capital/withdraw/apply", params("coin", "USDT", "address", elsewhere, "amount", "10", "withdrawOrderId", "w-9"))
                .then().statusCode(200);
        ivy.signedBody("/sapi/v1/capital/withdraw/apply", params("coin", "USDT", "address", elsewhere, "amount", "10", "withdrawOrderId", "w-9"))
                .then().statusCode(400).body("code", equalTo(-1102)).body("msg", equalTo("Duplicate withdrawOrderId w-9."));
        assertEquals("19.00000000", free(ivy, "USDT"), "asked twice under one id, withdrawn once");
        ivy.signed("GET", "/sapi/v1/capital/withdraw/history", params("startTime", "0")).then().statusCode(400).body("code", equalTo(-4047));

        given().header("X-Admin-Key", ADMIN_KEY).contentType("application/json")
                .body(Map.of("address", "paper1nobody", "coin", "USDT", "amount", "50")).post("/sim/deposits").then().statusCode(400)
                .body("code", equalTo(-1102));
        given().contentType("application/json").body(Map.of("address", address(ivy, "USDT"), "coin", "USDT", "amount", "50"))
                .post("/sim/deposits").then().statusCode(401);
        assertEquals("19.00000000", free(ivy, "USDT"));
    }
}
