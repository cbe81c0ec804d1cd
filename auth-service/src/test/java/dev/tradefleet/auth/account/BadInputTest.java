package dev.tradefleet.auth.account;

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
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input gets a clear 4xx problem+json and changes nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
class BadInputTest {

    @Inject
    Pool pool;
    private long usersBefore;

    private long users() {
        return pool.query("SELECT count(*) FROM users").execute().await().indefinitely().iterator().next().getLong(0);
    }

    @BeforeEach
    void countUsers() {
        usersBefore = users();
    }

    @AfterEach
    void nothingWasStored() {
        assertEquals(usersBefore, users());
    }

    @Test
    void malformedJson() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.c\", ").post("/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://tradefleet.dev/problems/validation"))
                .body("detail", not(containsString("Exception")))
                .body("instance", equalTo("/auth/register"));
    }

    @Test
    void missingFieldsAreEachNamed() {
        given().contentType(ContentType.JSON).body("{}").post("/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("email", "password", "name"));
    }

    @Test
    void wrongTypes() {
        given().contentType(ContentType.JSON).body("{\"email\": [1], \"password\": {}, \"name\": 3}").post("/auth/register").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anInvalidEmailAndAWeakPassword() {
        given().contentType(ContentType.JSON).body(Map.of("email", "not-an-email", "password", "short", "name", "X"))
                .post("/auth/register").then().statusCode(400)
                .body("errors.field", hasItems("email", "password"));
    }

    @Test
    void thePasswordMayNotBeTheEmail() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "someone.long@example.com", "password", "Someone.Long@example.com", "name", "X"))
                .post("/auth/register").then().statusCode(400)
                .body("errors.field", hasItem("password"))
                .body("errors.message", hasItem("must not be the email address"));
    }

    @Test
    void controlCharactersInTheName() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "ctl@example.com", "password", "a good long password", "name", "Eve\u0000\u001b[31m"))
                .post("/auth/register").then().statusCode(400).body("errors.field", hasItem("name"));
    }

    static Stream<JsonAttacks.Attack> registrationAttacks() {
        Map<String, Object> valid = Map.of("email", "strict@example.com", "password", "a good long password", "name", "Strict");
        return Stream.concat(JsonAttacks.against(valid, "email").stream(),
                JsonAttacks.against(valid, "name").stream().filter(a -> a.field() != null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrationAttacks")
    void aRegistrationThatIsNotStrictJsonIsRefusedNamingTheField(JsonAttacks.Attack attack) {
        var response = JsonAttacks.send(attack).post("/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        if (attack.field() != null) {
            response.body("errors.field", hasItem(attack.field()));
        }
    }

    static Stream<JsonAttacks.Attack> loginAttacks() {
        return JsonAttacks.against(Map.of("email", "strict@example.com", "password", "a good long password"), "email").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loginAttacks")
    void aLoginThatIsNotStrictJsonIsRefused(JsonAttacks.Attack attack) {
        JsonAttacks.send(attack).post("/auth/login").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentType() {
        given().contentType(ContentType.TEXT).body("email=a@b.c").post("/auth/register").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void oversizedBody() {
        String huge = "x".repeat(70 * 1024);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "big@example.com", "password", "a good long password", "name", huge))
                .post("/auth/register").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void unknownPathsAndMethods() {
        given().get("/auth/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().delete("/auth/login").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void loginWithMissingFields() {
        given().contentType(ContentType.JSON).body("{\"email\": \"x@example.com\"}").post("/auth/login").then()
                .statusCode(400).body("errors.field", hasItem("password"));
    }
}
