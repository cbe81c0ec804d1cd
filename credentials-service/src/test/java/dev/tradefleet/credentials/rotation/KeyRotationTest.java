package dev.tradefleet.credentials.rotation;

import dev.tradefleet.credentials.CredentialKeysetResource;
import dev.tradefleet.credentials.CredentialsTestSupport;
import dev.tradefleet.credentials.CredentialsTestSupport.TestUser;
import dev.tradefleet.credentials.vault.CredentialCipher;
import dev.tradefleet.credentials.vault.CredentialMaterial;
import dev.tradefleet.credentials.vault.UndecryptableCredentialException;
import dev.tradefleet.embedded.CredentialKeysets;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tradefleet.credentials.CredentialsTestSupport.createdId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Records written under key 1; the service runs with key 2 as primary; re-encryption stops after a batch
 * (a crash), resumes, and finishes; then key 1 is removed and everything still decrypts.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(CredentialKeysetResource.class)
class KeyRotationTest {

    private static final int OLD_KEY = CredentialKeysets.primaryId(CredentialKeysetResource.OLD_ONLY);
    private static final int NEW_KEY = CredentialKeysets.primaryId(CredentialKeysetResource.OLD_AND_NEW);

    @Inject
    Pool pool;
    @Inject
    ReEncryption reEncryption;

    @Test
    void rotateReEncryptResumeAndDropTheOldKey() {
        CredentialCipher oldOnly = CredentialCipher.fromKeyset(CredentialKeysetResource.OLD_ONLY);
        TestUser user = CredentialsTestSupport.newUser();
        long pendingBefore = pending();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            CredentialCipher.Sealed sealed = oldOnly.seal(new CredentialMaterial("OLDKEY" + i + "abcd", "OLDSECRET" + i, null), user.id(), id);
            pool.preparedQuery("INSERT INTO credentials (id, user_id, exchange, environment, label, api_key_hint, material, key_id)"
                            + " VALUES ($1, $2, 'binance', 'live', $3, '****abcd', $4, $5)")
                    .execute(Tuple.from(List.of(id, user.id(), "old-" + i, Buffer.buffer(sealed.ciphertext()), (long) sealed.keyId())))
                    .await().indefinitely();
        }
        String fresh = createdId(user, CredentialsTestSupport.binanceKey("written-under-key-2"));
        assertEquals(pendingBefore + 12, pending());

        // one batch of five, then the process "dies"
        ReEncryption.Batch batch = reEncryption.batch(ReEncryption.BEFORE_ALL).await().indefinitely();
        assertEquals(5, batch.resealed());
        assertEquals(pendingBefore + 7, pending());

        given().auth().oauth2(CredentialsTestSupport.adminToken()).post("/credentials/admin/re-encryption").then()
                .statusCode(202).body("primaryKeyId", equalTo(NEW_KEY));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        given().auth().oauth2(CredentialsTestSupport.adminToken()).get("/credentials/admin/re-encryption").then()
                .statusCode(200).body("pending", equalTo(0)).body("unreadable", equalTo(0));

        CredentialCipher newOnly = CredentialCipher.fromKeyset(CredentialKeysets.without(CredentialKeysetResource.OLD_AND_NEW, OLD_KEY));
        int checked = 0;
        for (Row row : pool.preparedQuery("SELECT id, user_id, material, key_id FROM credentials WHERE user_id = $1")
                .execute(Tuple.of(user.id())).await().indefinitely()) {
            checked++;
            byte[] material = row.getBuffer("material").getBytes();
            assertEquals(NEW_KEY, row.getLong("key_id").intValue());
            newOnly.open(material, row.getUUID("user_id"), row.getUUID("id"));
            assertThrows(UndecryptableCredentialException.class, () -> oldOnly.open(material, row.getUUID("user_id"), row.getUUID("id")));
        }
        assertEquals(13, checked);
        given().auth().oauth2(CredentialsTestSupport.serviceToken(CredentialsTestSupport.CONNECTOR))
                .get("/internal/credentials/" + fresh + "/secret").then().statusCode(200);
        given().auth().oauth2(user.token()).post("/credentials/admin/re-encryption").then().statusCode(403);
    }

    @Test
    void tamperedOrMovedCiphertextsFailWithAClearErrorAndNoDetail() {
        TestUser alice = CredentialsTestSupport.newUser();
        TestUser bob = CredentialsTestSupport.newUser();
        String aliceId = createdId(alice, CredentialsTestSupport.binanceKey("alice"));
        String bobId = createdId(bob, CredentialsTestSupport.binanceKey("bob"));
        String connector = CredentialsTestSupport.serviceToken(CredentialsTestSupport.CONNECTOR);

        // Alice's ciphertext copied into Bob's row (someone with database access trying to reuse it)
        pool.preparedQuery("UPDATE credentials SET material = (SELECT material FROM credentials WHERE id = $1) WHERE id = $2")
                .execute(Tuple.of(UUID.fromString(aliceId), UUID.fromString(bobId))).await().indefinitely();
        given().auth().oauth2(connector).get("/internal/credentials/" + bobId + "/secret").then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tradefleet.dev/problems/credential-unreadable"));

        // one flipped bit in Alice's own ciphertext
        pool.preparedQuery("UPDATE credentials SET material = set_byte(material, 20, get_byte(material, 20) # 1) WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(aliceId))).await().indefinitely();
        String body = given().auth().oauth2(connector).get("/internal/credentials/" + aliceId + "/secret").then().statusCode(500)
                .body("type", equalTo("https://tradefleet.dev/problems/credential-unreadable")).extract().asString();
        assertEquals(-1, body.indexOf("Exception"), body);

        given().auth().oauth2(CredentialsTestSupport.adminToken()).post("/credentials/admin/re-encryption").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> !reEncryption.progress().await().indefinitely().running());
        Map<String, Object> progress = given().auth().oauth2(CredentialsTestSupport.adminToken()).get("/credentials/admin/re-encryption")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(false, progress.get("running"));
    }

    private long pending() {
        return pool.preparedQuery("SELECT count(*) FROM credentials WHERE key_id <> $1").execute(Tuple.of((long) NEW_KEY))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
