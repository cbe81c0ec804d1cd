package dev.tradefleet.orders;

import dev.tradefleet.testing.ResourceEndpoints;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint declares who may call it and none is public: a stranger and every token of the attack catalogue get
 * 401, and a service's token 403 (orders belong to users; a service acts through intents, not these endpoints).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(OrdersTestResource.class)
class EndpointSecurityTest {

    @Test
    void everyEndpointHasASecurityDeclarationAndRefusesWhoItShould() {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.in("dev.tradefleet.orders");
        assertTrue(endpoints.size() >= 4, "found " + endpoints);
        ResourceEndpoints.assertEachRefusesStrangers(endpoints, TokenKeysResource.tokens().attacks(UUID.randomUUID().toString()));
        String service = TokenKeysResource.tokens().service("market-making");
        endpoints.forEach(endpoint -> assertEquals(403, endpoint.statusFor(given().auth().oauth2(service)), endpoint + " with a service's token"));
    }
}
