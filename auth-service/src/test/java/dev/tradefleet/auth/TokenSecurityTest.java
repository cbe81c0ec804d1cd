package dev.tradefleet.auth;

import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A backend service, called directly (not through the gateway), refuses every kind of bad token. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
class TokenSecurityTest {

    static Stream<Arguments> badTokens() {
        return TokenKeysResource.tokens().attacks(UUID.randomUUID().toString()).entrySet().stream()
                .map(attack -> Arguments.of(attack.getKey(), attack.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsRefused(String kind, String token) {
        given().auth().oauth2(token).get("/auth/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void noTokenIsRefused() {
        given().get("/auth/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aGoodTokenForAUserThatDoesExistIsAccepted() {
        Map<String, Object> session = AuthTestSupport.registeredSession();
        String id = given().auth().oauth2((String) session.get("accessToken")).get("/auth/me").then().statusCode(200)
                .extract().path("id");
        // a token minted with the trusted key, as another service would receive it
        given().auth().oauth2(TokenKeysResource.tokens().valid(id, List.of("user"))).get("/auth/me").then()
                .statusCode(200).body("id", equalTo(id));
    }
}
