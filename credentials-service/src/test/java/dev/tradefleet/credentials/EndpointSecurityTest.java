package dev.tradefleet.credentials;

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
 * Every endpoint declares who may call it; none is public; a stranger and every token of the attack catalogue get
 * 401 everywhere, a user 403 on the admin and internal ones, and a service other than the connector 403 on the
 * internal ones.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(CredentialKeysetResource.class)
class EndpointSecurityTest {

    @Test
    void everyEndpointHasASecurityDeclarationAndRefusesWhoItShould() {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.in("dev.tradefleet.credentials");
        assertTrue(endpoints.size() >= 12, "found " + endpoints);
        String user = CredentialsTestSupport.newUser().token();
        String otherService = CredentialsTestSupport.serviceToken("order");
        ResourceEndpoints.assertEachRefusesStrangers(endpoints, TokenKeysResource.tokens().attacks(UUID.randomUUID().toString()));
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            boolean privileged = endpoint.path().startsWith("/internal/") || endpoint.path().startsWith("/credentials/admin");
            if (privileged) {
                assertEquals(403, status(endpoint, user), endpoint + " with a user's token");
                assertEquals(403, status(endpoint, otherService), endpoint + " with another service's token");
            }
        }
    }

    private static int status(ResourceEndpoints.Endpoint endpoint, String token) {
        return endpoint.statusFor(given().auth().oauth2(token));
    }
}
