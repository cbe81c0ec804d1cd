package dev.tradefleet.paper;

import dev.tradefleet.testing.ResourceEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint is public market data ({@code @PermitAll}), admin ({@code @SimAdmin}, enforced by its filter),
 * or a SIGNED Binance endpoint; the test proves each admin one refuses a caller without the key and each
 * signed one refuses a caller without an API key, the way Binance does.
 */
@QuarkusTest
class EndpointSecurityTest {

    @Test
    void everyEndpointIsPublicAdminOrSignedAndTheLastTwoRefuseStrangers() {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.in("dev.tradefleet.paper");
        assertTrue(endpoints.size() >= 25, "found " + endpoints);
        int signed = 0;
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            if (endpoint.isPublic()) {
                continue;
            }
            var answer = endpoint.call(given());
            assertEquals(401, answer.statusCode(), endpoint + " without credentials");
            if (endpoint.security().contains("SimAdmin")) {
                assertEquals(-2015, (int) answer.path("code"), endpoint.toString());
            } else {
                assertTrue(endpoint.security().isEmpty(), endpoint + " has a declaration this test does not know");
                // the MEXC face says it in MEXC's code for "API-key format invalid"
                int keyMissing = endpoint.toString().contains("/mexc/") ? 700001 : -2014;
                assertEquals(keyMissing, (int) answer.path("code"), endpoint + " must check the request's signature first");
                signed++;
            }
        }
        assertTrue(signed >= 10, "signed endpoints found: " + signed);
    }
}
