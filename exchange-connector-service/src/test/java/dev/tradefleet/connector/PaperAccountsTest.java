package dev.tradefleet.connector;

import dev.tradefleet.connector.venue.binance.BinanceSigner;
import dev.tradefleet.connector.venue.mexc.MexcSigner;
import dev.tradefleet.testing.PaperExchangeProcess;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user asks for a paper account and gets a credential of their own; the paper exchange's admin key never leaves the connector. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(ConnectorTestResource.class)
class PaperAccountsTest {

    private static final String PATH = "/connector/paper-accounts";

    @Test
    void aFundedPaperAccountIsStoredAsTheCallersCredentialWithTheCallersToken() throws Exception {
        UUID user = UUID.randomUUID();
        String token = TokenKeysResource.tokens().valid(user.toString(), List.of("user"));
        String body = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("balances", Map.of("USDT", "2500", "BTC", "0.5"))).post(PATH)
                .then().statusCode(201).body("exchange", equalTo("binance")).body("environment", equalTo("paper"))
                .body("label", equalTo("paper")).extract().asString();
        UUID id = UUID.fromString(io.restassured.path.json.JsonPath.from(body).getString("id"));
        FakeCredentialsService.Credential stored = ConnectorTestResource.credentials().credential(id);
        assertEquals(user, stored.userId());
        assertEquals(token, ConnectorTestResource.credentials().createdWith(id), "created as the caller, with the caller's token");
        assertTrue(!body.contains(stored.secretKey()) && !body.contains(PaperExchangeProcess.shared().adminKey()), "no secret in the answer");

        HttpResponse<String> account = signedAccountRead("", BinanceSigner.API_KEY_HEADER, stored);
        assertEquals(200, account.statusCode());
        assertEquals("2500.00000000", io.restassured.path.json.JsonPath.from(account.body())
                .getString("balances.find { it.asset == 'USDT' }.free"), account.body());

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("balances", Map.of("USDT", "1"), "label", "second one")).post(PATH)
                .then().statusCode(201).body("label", equalTo("second one"));
    }

    @Test
    void aMexcPaperAccountIsAnAccountOfThePaperExchangesMexcFaceOnly() throws Exception {
        String token = TokenKeysResource.tokens().valid(UUID.randomUUID().toString(), List.of("user"));
        String body = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("venue", "mexc", "balances", Map.of("USDT", "700"))).post(PATH)
                .then().statusCode(201).body("exchange", equalTo("mexc")).body("environment", equalTo("paper")).extract().asString();
        FakeCredentialsService.Credential stored = ConnectorTestResource.credentials()
                .credential(UUID.fromString(io.restassured.path.json.JsonPath.from(body).getString("id")));
        assertEquals(200, signedAccountRead("/mexc", MexcSigner.API_KEY_HEADER, stored).statusCode());
        assertEquals(401, signedAccountRead("", BinanceSigner.API_KEY_HEADER, stored).statusCode(), "not a key of the Binance face");
    }

    private static HttpResponse<String> signedAccountRead(String prefix, String keyHeader, FakeCredentialsService.Credential key)
            throws Exception {
        String query = "timestamp=" + System.currentTimeMillis();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(PaperExchangeProcess.shared().url()
                        .resolve(prefix + "/api/v3/account?" + query + "&signature=" + BinanceSigner.signature(key.secretKey(), query, "")))
                .header(keyHeader, key.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badRequestsAreProblemsAndOnlyUsersMayOpenAccounts() {
        String token = TokenKeysResource.tokens().valid(UUID.randomUUID().toString(), List.of("user"));
        int before = ConnectorTestResource.credentials().materialReads();
        for (String bad : List.of("{}", "{\"balances\":{}}", "{\"balances\":{\"usdt\":\"1\"}}", "{\"balances\":{\"USDT\":\"1e5\"}}",
                "{\"balances\":{\"USDT\":5}}", "{\"balances\":{\"USDT\":\"-5\"}}", "{\"balances\":{\"USDT\":\"1\"},\"venue\":\"kraken\"}",
                "{\"balances\":{\"USDT\":\"1\"},\"label\":\"a\\u0000b\"}", "{\"balances\":{\"USDT\":\"1\"},\"balances\":{\"BTC\":\"1\"}}",
                "{\"balances\":{\"USDT\":\"1\"}} trailing", "[]", "null")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(bad).post(PATH).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body(not(containsString("Exception")));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"balances\":{\"USDT\":\"" + "9".repeat(20_000) + "\"}}")
                .post(PATH).then().statusCode(413);
        given().auth().oauth2(TokenKeysResource.tokens().service("order-service")).contentType(ContentType.JSON)
                .body(Map.of("balances", Map.of("USDT", "1"))).post(PATH).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("balances", Map.of("USDT", "1"))).post(PATH).then().statusCode(401);
        assertEquals(before, ConnectorTestResource.credentials().materialReads());
    }
}
