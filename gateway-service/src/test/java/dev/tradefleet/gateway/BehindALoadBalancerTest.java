package dev.tradefleet.gateway;

import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway behind a load balancer (here: the test client on 127.0.0.1, configured as a trusted proxy): the
 * client's address comes from X-Forwarded-For, so per-address limits apply per client, and one busy client
 * behind the shared balancer address does not lock the others out.
 */
@QuarkusTest
@TestProfile(BehindALoadBalancerTest.TrustedBalancer.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(FakeUpstreamResource.class)
class BehindALoadBalancerTest {

    public static class TrustedBalancer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradefleet.gateway.trusted-proxies", "127.0.0.1",
                    "tradefleet.gateway.rate-limit.address-burst", "3",
                    "tradefleet.gateway.rate-limit.address-per-second", "0.01");
        }
    }

    private static String token() {
        return TokenKeysResource.tokens().valid(UUID.randomUUID().toString(), List.of("user"));
    }

    @Test
    void theBalancersForwardedClientIsTheClientForLimitsAndForTheServices() {
        given().auth().oauth2(token()).header("X-Forwarded-For", "203.0.113.9").get("/api/auth/echo").then()
                .statusCode(200).body("headers.x-forwarded-for", equalTo("203.0.113.9"));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token()).header("X-Forwarded-For", "203.0.113.9").get("/api/auth/echo").then().statusCode(200);
        }
        given().auth().oauth2(token()).header("X-Forwarded-For", "203.0.113.9").get("/api/auth/echo").then().statusCode(429);
        // a balancer that adds a line of its own instead of appending: the client's forged first line is not believed
        given().auth().oauth2(token()).header("X-Forwarded-For", "198.51.100.77").header("X-Forwarded-For", "192.0.2.10")
                .get("/api/auth/echo").then().statusCode(200).body("headers.x-forwarded-for", equalTo("192.0.2.10"));
        // another client behind the same balancer is not affected
        given().auth().oauth2(token()).header("X-Forwarded-For", "198.51.100.4").get("/api/auth/echo").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("198.51.100.4"));
    }
}
