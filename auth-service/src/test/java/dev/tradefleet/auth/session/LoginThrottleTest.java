package dev.tradefleet.auth.session;

import dev.tradefleet.auth.AuthTestSupport;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static dev.tradefleet.auth.AuthTestSupport.PASSWORD;
import static dev.tradefleet.auth.AuthTestSupport.login;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
class LoginThrottleTest {

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String email = AuthTestSupport.uniqueEmail();
        AuthTestSupport.register(email, PASSWORD, "Target").statusCode(201);
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password " + i).statusCode(401);
        }
        ExtractableResponse<Response> locked = login(email, PASSWORD).statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tradefleet.dev/problems/rate-limited")).extract();
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
    }

    @Test
    void anUnknownEmailLooksExactlyLikeAWrongPassword() {
        String known = AuthTestSupport.uniqueEmail();
        AuthTestSupport.register(known, PASSWORD, "Known").statusCode(201);
        String unknown = AuthTestSupport.uniqueEmail();

        String wrongPassword = login(known, "not the password").statusCode(401).extract().path("detail");
        String noSuchAccount = login(unknown, "not the password").statusCode(401).extract().path("detail");
        assertEquals(wrongPassword, noSuchAccount);

        // and an unknown address is throttled the same way, so a 429 reveals nothing either
        for (int i = 0; i < 4; i++) {
            login(unknown, "guess " + i).statusCode(401);
        }
        login(unknown, "guess").statusCode(429);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        String email = AuthTestSupport.uniqueEmail();
        AuthTestSupport.register(email, PASSWORD, "Forgetful").statusCode(201);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3; i++) {
                login(email, "typo " + i).statusCode(401);
            }
            login(email, PASSWORD).statusCode(200);
        }
    }
}
