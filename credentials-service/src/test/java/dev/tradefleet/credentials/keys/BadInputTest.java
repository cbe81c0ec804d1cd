package dev.tradefleet.credentials.keys;

import dev.tradefleet.credentials.CredentialKeysetResource;
import dev.tradefleet.credentials.CredentialsTestSupport;
import dev.tradefleet.credentials.CredentialsTestSupport.TestUser;
import dev.tradefleet.testing.JsonAttacks;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.tradefleet.credentials.CredentialsTestSupport.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input: 400 problem+json naming the field, and nothing stored, nothing announced. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(CredentialKeysetResource.class)
class BadInputTest {

    @Inject
    Pool pool;
    private final TestUser user = CredentialsTestSupport.newUser();
    private long rowsBefore;

    private long rows() {
        return pool.query("SELECT (SELECT count(*) FROM credentials) + (SELECT count(*) FROM fleet_outbox)")
                .execute().await().indefinitely().iterator().next().getLong(0);
    }

    @BeforeEach
    void countRows() {
        rowsBefore = rows();
    }

    @AfterEach
    void nothingWasStored() {
        assertEquals(rowsBefore, rows());
    }

    private void refused(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = CredentialsTestSupport.binanceKey("bad");
        change.accept(body);
        create(user, body).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void unknownExchangeOrEnvironment() {
        refused(b -> b.put("exchange", "ftx"), "exchange");
        refused(b -> b.put("exchange", "BINANCE"), "exchange");
        refused(b -> b.put("environment", "prod"), "environment");
    }

    @Test
    void missingFields() {
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body("{}").post("/credentials").then()
                .statusCode(400).body("errors.field", hasItems("exchange", "environment", "label", "apiKey", "secretKey"));
    }

    @Test
    void missingPassphraseForBitget() {
        refused(b -> b.put("exchange", "bitget"), "passphrase");
    }

    @Test
    void oversizedFields() {
        refused(b -> b.put("apiKey", "A".repeat(513)), "apiKey");
        refused(b -> b.put("secretKey", "S".repeat(513)), "secretKey");
        refused(b -> b.put("label", "L".repeat(65)), "label");
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body("{\"label\":\"" + "x".repeat(20_000) + "\"}")
                .post("/credentials").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void controlCharactersAndSpaces() {
        refused(b -> b.put("apiKey", "abc\u0000def"), "apiKey");
        refused(b -> b.put("secretKey", "abc\ndef"), "secretKey");
        refused(b -> b.put("secretKey", "abc def"), "secretKey");
        refused(b -> b.put("label", "main\u001b[31m"), "label");
    }

    static Stream<JsonAttacks.Attack> strictJsonAttacks() {
        Map<String, Object> valid = CredentialsTestSupport.binanceKey("strict");
        return Stream.concat(JsonAttacks.against(valid, "label").stream(),
                JsonAttacks.against(valid, "apiKey").stream().filter(a -> a.field() != null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strictJsonAttacks")
    void aBodyThatIsNotStrictJsonIsRefusedNamingTheField(JsonAttacks.Attack attack) {
        var response = JsonAttacks.send(attack).auth().oauth2(user.token()).post("/credentials").then()
                .statusCode(400).contentType("application/problem+json");
        if (attack.field() != null) {
            response.body("errors.field", hasItem(attack.field()));
        }
    }

    @Test
    void malformedJsonAndWrongContentType() {
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body("{\"exchange\":").post("/credentials").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(user.token()).contentType(ContentType.TEXT).body("exchange=binance").post("/credentials").then()
                .statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(user.token()).get("/credentials/not-a-uuid").then().statusCode(404);
    }
}
