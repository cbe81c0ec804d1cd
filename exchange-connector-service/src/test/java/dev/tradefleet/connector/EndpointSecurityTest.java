package dev.tradefleet.connector;

import dev.tradefleet.testing.ResourceEndpoints;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint declares who may call it, none is public, and every forged or broken token of the catalogue is refused. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(ConnectorTestResource.class)
class EndpointSecurityTest {

    @Test
    void everyEndpointRefusesStrangersAndEveryAttackOfTheCatalogue() {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.in("dev.tradefleet.connector");
        assertTrue(endpoints.size() >= 7, "found " + endpoints);
        Map<String, String> attacks = TokenKeysResource.tokens().attacks(UUID.randomUUID().toString());
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            assertFalse(endpoint.security().isEmpty(), endpoint + " declares nothing about who may call it");
            assertFalse(endpoint.isPublic(), endpoint + " is public");
            assertEquals(401, endpoint.statusFor(given()), endpoint + " without a token");
            attacks.forEach((attack, token) ->
                    assertEquals(401, endpoint.statusFor(given().auth().oauth2(token)), endpoint + " with " + attack));
        }
    }
}
