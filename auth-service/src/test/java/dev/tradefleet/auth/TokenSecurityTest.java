package dev.tradefleet.auth;

import dev.tradefleet.testing.TestTokens;
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
        TestTokens tokens = TokenKeysResource.tokens();
        String user = "8d5c36c2-5d1f-4ad6-9a55-7b0f5a0a1c11";
        return Stream.of(
                Arguments.of("expired", tokens.expired(user)),
                Arguments.of("signed by another key", tokens.signedByAnotherKey(user)),
                Arguments.of("alg none", tokens.unsigned(user)),
                Arguments.of("HS256 keyed with the public key", tokens.hs256WithPublicKey(user)),
                Arguments.of("wrong issuer", tokens.withIssuer(user, "https://evil.example")),
                Arguments.of("wrong audience", tokens.withAudience(user, "someone-else")),
                Arguments.of("tampered payload", tokens.tampered(user, "00000000-0000-0000-0000-000000000001")),
                Arguments.of("garbage", "not.a.jwt"));
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
