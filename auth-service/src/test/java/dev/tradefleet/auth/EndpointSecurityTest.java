package dev.tradefleet.auth;

import dev.tradefleet.testing.ResourceEndpoints;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint declares who may call it, and every endpoint that is not public refuses a caller without a token. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
class EndpointSecurityTest {

    @Test
    void everyEndpointHasASecurityDeclarationAndTheProtectedOnesRefuseStrangers() {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.in("dev.tradefleet.auth");
        assertTrue(endpoints.size() >= 7, "found " + endpoints);
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            assertFalse(endpoint.security().isEmpty(), endpoint + " declares nothing about who may call it");
            if (!endpoint.isPublic()) {
                assertEquals(401, endpoint.statusFor(given()), endpoint + " without a token");
            }
        }
        assertEquals(List.of("GET /auth/me", "POST /auth/logout"),
                endpoints.stream().filter(e -> !e.isPublic()).map(Object::toString).toList(), "what needs a token");
    }
}
