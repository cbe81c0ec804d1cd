package dev.tradefleet.connector;

import dev.tradefleet.testing.ResourceEndpoints;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

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
        ResourceEndpoints.assertEachRefusesStrangers(endpoints, TokenKeysResource.tokens().attacks(UUID.randomUUID().toString()));
    }
}
