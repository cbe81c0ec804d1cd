package dev.tradefleet.credentials.access;

import dev.tradefleet.credentials.CredentialKeysetResource;
import dev.tradefleet.credentials.CredentialsTestSupport;
import dev.tradefleet.credentials.CredentialsTestSupport.TestUser;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tradefleet.credentials.CredentialsTestSupport.createdId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(CredentialKeysetResource.class)
class IsolationTest {

    @Inject
    Pool pool;

    @Test
    void anotherUsersCredentialIsNotFoundOnEveryEndpoint() {
        TestUser alice = CredentialsTestSupport.newUser();
        TestUser bob = CredentialsTestSupport.newUser();
        String id = createdId(alice, CredentialsTestSupport.binanceKey("alice"));
        String missing = UUID.randomUUID().toString();

        for (String target : List.of(id, missing)) {
            String expectedBody = given().auth().oauth2(bob.token()).get("/credentials/" + target).then().statusCode(404)
                    .extract().path("detail");
            assertEquals("There is no such credential.", expectedBody, "another user's id answers exactly like a missing one");
            given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("label", "mine now"))
                    .patch("/credentials/" + target).then().statusCode(404);
            given().auth().oauth2(bob.token()).patch("/credentials/" + target + "/toggle").then().statusCode(404);
            given().auth().oauth2(bob.token()).contentType(ContentType.JSON).body(Map.of("active", false))
                    .put("/credentials/" + target + "/active").then().statusCode(404);
            given().auth().oauth2(bob.token()).delete("/credentials/" + target).then().statusCode(404);
        }
        given().auth().oauth2(bob.token()).get("/credentials").then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(alice.token()).get("/credentials/" + id).then().statusCode(200)
                .body("label", equalTo("alice")).body("active", equalTo(true));
    }

    @Test
    void onlyTheConnectorsServiceTokenReadsKeyMaterialAndEveryReadIsRecorded() {
        TestUser alice = CredentialsTestSupport.newUser();
        Map<String, Object> key = CredentialsTestSupport.bitgetKey("for-connector");
        String id = createdId(alice, key);
        String path = "/internal/credentials/" + id + "/secret";

        given().auth().oauth2(alice.token()).get(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CredentialsTestSupport.adminToken()).get(path).then().statusCode(403);
        given().auth().oauth2(CredentialsTestSupport.serviceToken("market-making")).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);

        given().auth().oauth2(CredentialsTestSupport.serviceToken(CredentialsTestSupport.CONNECTOR)).get(path).then()
                .statusCode(200).body("apiKey", equalTo(key.get("apiKey"))).body("secretKey", equalTo(key.get("secretKey")))
                .body("passphrase", equalTo(key.get("passphrase"))).body("userId", equalTo(alice.id().toString()));
        given().auth().oauth2(CredentialsTestSupport.serviceToken(CredentialsTestSupport.CONNECTOR))
                .queryParam("userId", alice.id().toString()).queryParam("exchange", "bitget")
                .queryParam("environment", "testnet").queryParam("label", "for-connector")
                .get("/internal/credentials/lookup").then().statusCode(200).body("id", equalTo(id));

        assertEquals(2, pool.preparedQuery("SELECT count(*) FROM credential_reads WHERE credential_id = $1 AND client = $2")
                .execute(Tuple.of(UUID.fromString(id), CredentialsTestSupport.CONNECTOR)).await().indefinitely()
                .iterator().next().getLong(0));
        given().auth().oauth2(alice.token()).get("/credentials/" + id).then().body("lastUsedAt", notNullValue());
    }

    @Test
    void theConnectorReportsWhetherAKeyWorks() {
        TestUser alice = CredentialsTestSupport.newUser();
        String id = createdId(alice, CredentialsTestSupport.binanceKey("tested"));
        given().auth().oauth2(CredentialsTestSupport.serviceToken(CredentialsTestSupport.CONNECTOR)).contentType(ContentType.JSON)
                .body(Map.of("status", "invalid", "reason", "-2015 Invalid API-key, IP, or permissions for action"))
                .put("/internal/credentials/" + id + "/status").then().statusCode(200);
        given().auth().oauth2(alice.token()).get("/credentials/" + id).then().statusCode(200)
                .body("status", equalTo("invalid")).body("statusReason", equalTo("-2015 Invalid API-key, IP, or permissions for action"))
                .body("lastTestedAt", notNullValue());
        given().auth().oauth2(alice.token()).contentType(ContentType.JSON).body(Map.of("status", "valid"))
                .put("/internal/credentials/" + id + "/status").then().statusCode(403);
    }

    @Test
    void adminsSeeAnyUsersMetadataButNeverMaterial() {
        TestUser alice = CredentialsTestSupport.newUser();
        Map<String, Object> key = CredentialsTestSupport.bitgetKey("audited");
        String id = createdId(alice, key);
        String body = given().auth().oauth2(CredentialsTestSupport.adminToken()).get("/credentials/admin/users/" + alice.id())
                .then().statusCode(200).body("id", hasItem(id)).body("[0].secretKey", nullValue()).extract().asString();
        for (String secret : List.of("apiKey", "secretKey", "passphrase")) {
            assertFalse(body.contains((String) key.get(secret)), secret);
        }
        given().auth().oauth2(alice.token()).get("/credentials/admin/users/" + alice.id()).then().statusCode(403);
        given().auth().oauth2(CredentialsTestSupport.adminToken()).get("/credentials/admin/users/" + UUID.randomUUID())
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void aServiceTokenIsNotAUser() {
        given().auth().oauth2(CredentialsTestSupport.serviceToken(CredentialsTestSupport.CONNECTOR)).get("/credentials")
                .then().statusCode(403);
    }
}
