package dev.tradefleet.connector;

import dev.tradefleet.connector.sessions.VenueSessions;
import dev.tradefleet.connector.venue.VenueWallet;
import dev.tradefleet.testing.PaperExchangeProcess;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A paper account's wallet through the connector and the paper exchange's wallet (its Binance face's SAPI, its MEXC
 * face's capital endpoints): where to deposit, what
 * arrived, a withdrawal under the caller's id and its fee; only the account's owner (or a service) sees it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(ConnectorTestResource.class)
class WalletTest {

    @Inject
    VenueSessions sessions;

    @ParameterizedTest
    @ValueSource(strings = {"binance", "mexc"})
    void fundsArriveAtTheAccountsAddressAndLeaveByAWithdrawalUnderTheCallersId(String venue) throws Exception {
        UUID user = UUID.randomUUID();
        String token = TokenKeysResource.tokens().valid(user.toString(), List.of("user"));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("venue", venue, "balances", Map.of("USDT", "100")))
                .post("/connector/paper-accounts").then().statusCode(201).extract().jsonPath().getString("id");
        String wallet = "/connector/credentials/" + id + "/wallet";

        given().auth().oauth2(token).queryParam("asset", "USDT").get(wallet + "/networks").then().statusCode(200)
                .body("[0].network", equalTo("USDT")).body("[0].withdrawFee", equalTo("1")).body("[0].withdrawMin", equalTo("10"))
                .body("[0].withdrawEnabled", equalTo(true));
        String address = given().auth().oauth2(token).queryParam("asset", "USDT").queryParam("network", "USDT").get(wallet + "/deposit-address")
                .then().statusCode(200).body("network", equalTo("USDT")).extract().jsonPath().getString("address");

        PaperExchangeProcess.shared().admin("POST", "/sim/deposits", Map.of("address", address, "coin", "USDT", "amount", "50", "txId", "0xfeed"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).queryParam("asset", "USDT")
                .get(wallet + "/deposits").then().statusCode(200).body("[0].status", equalTo("COMPLETED"))
                .body("[0].amount", equalTo("50.00000000")).body("[0].txId", equalTo("0xfeed")));

        VenueWallet venueWallet = sessions.session(UUID.fromString(id)).toCompletableFuture().get(10, TimeUnit.SECONDS).client().wallet();
        String withdrawalId = venueWallet.withdraw("tf-w-1", "USDT", "USDT", new BigDecimal("20"), "0x94df8b352de7f46f64b01d3666bf6e936e44ce60", null)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).queryParam("asset", "USDT")
                .get(wallet + "/withdrawals").then().statusCode(200).body("[0].id", equalTo(withdrawalId)).body("[0].clientId", equalTo("tf-w-1"))
                .body("[0].status", equalTo("COMPLETED")).body("[0].amount", equalTo("20.00000000")).body("[0].fee", equalTo("1.00000000")));
        assertEquals(withdrawalId, venueWallet.withdrawal("tf-w-1", "USDT", Instant.now().minus(Duration.ofDays(1)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow().id(), "found by the id it was asked under");
        given().auth().oauth2(token).get("/connector/credentials/" + id + "/balances").then().statusCode(200)
                .body("find { it.asset == 'USDT' }.free", equalTo("129.00000000"));

        given().auth().oauth2(TokenKeysResource.tokens().service("market-making-service")).queryParam("asset", "USDT").get(wallet + "/deposits")
                .then().statusCode(200).body("[0].txId", equalTo("0xfeed"));
    }

    @Test
    void someoneElsesWalletIsNotThereAndBadQuestionsAreProblems() {
        String owner = TokenKeysResource.tokens().valid(UUID.randomUUID().toString(), List.of("user"));
        String id = given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("balances", Map.of("USDT", "1")))
                .post("/connector/paper-accounts").then().statusCode(201).extract().jsonPath().getString("id");
        String wallet = "/connector/credentials/" + id + "/wallet";
        String stranger = TokenKeysResource.tokens().valid(UUID.randomUUID().toString(), List.of("user"));
        for (String path : List.of("/networks?asset=USDT", "/deposit-address?asset=USDT&network=USDT", "/deposits?asset=USDT",
                "/withdrawals?asset=USDT")) {
            given().auth().oauth2(stranger).get(wallet + path).then().statusCode(404).contentType(startsWith("application/problem+json"));
            given().get(wallet + path).then().statusCode(401);
        }
        for (String path : List.of("/networks", "/networks?asset=usdt", "/networks?asset=USDT%00", "/deposit-address?asset=USDT",
                "/deposit-address?asset=USDT&network=%2e%2e%2f", "/deposits?asset=USDT&since=yesterday", "/deposits?asset=USDT&since=%2B1000000000-01-01T00:00:00Z", "/withdrawals?asset=" + "A".repeat(40))) {
            given().auth().oauth2(owner).urlEncodingEnabled(false).get(wallet + path).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body(not(containsString("Exception")));
        }
        given().auth().oauth2(owner).get("/connector/credentials/" + UUID.randomUUID() + "/wallet/networks?asset=USDT").then().statusCode(404);
    }
}
