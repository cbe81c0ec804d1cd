package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.SignedClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.tradefleet.paper.SignedClient.params;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

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
}
