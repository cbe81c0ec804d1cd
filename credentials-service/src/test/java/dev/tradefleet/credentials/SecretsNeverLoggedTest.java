package dev.tradefleet.credentials;

import dev.tradefleet.credentials.CredentialsTestSupport.TestUser;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static dev.tradefleet.credentials.CredentialsTestSupport.createdId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captures every log record of a full create / read / replace / rotate / delete cycle and looks for the material. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(CredentialKeysetResource.class)
class SecretsNeverLoggedTest {

    @Test
    void noMaterialInAnyLogLine() {
        StringBuilder captured = new StringBuilder();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                // the test's own HTTP client (RestAssured) logs its wire traffic; it is not the service
                if (record.getLoggerName() == null || !record.getLoggerName().startsWith("org.apache.http")) {
                    captured.append(formatter.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        Map<String, Object> key = CredentialsTestSupport.bitgetKey("logged");
        Map<String, Object> replacement = CredentialsTestSupport.bitgetKey("logged");
        try {
            TestUser user = CredentialsTestSupport.newUser();
            String id = createdId(user, key);
            String connector = CredentialsTestSupport.serviceToken(CredentialsTestSupport.CONNECTOR);
            given().auth().oauth2(connector).get("/internal/credentials/" + id + "/secret").then().statusCode(200);
            given().auth().oauth2(user.token()).contentType(ContentType.JSON)
                    .body(Map.of("apiKey", replacement.get("apiKey"), "secretKey", replacement.get("secretKey"),
                            "passphrase", replacement.get("passphrase")))
                    .patch("/credentials/" + id).then().statusCode(200);
            // a refused request carrying material must not log it either
            Map<String, Object> invalid = CredentialsTestSupport.bitgetKey("logged");
            invalid.put("exchange", "nope");
            invalid.put("apiKey", key.get("apiKey"));
            given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(invalid).post("/credentials").then().statusCode(400);
            given().auth().oauth2(connector).get("/internal/credentials/" + id + "/secret").then().statusCode(200);
            given().auth().oauth2(CredentialsTestSupport.adminToken()).post("/credentials/admin/re-encryption").then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(CredentialsTestSupport.adminToken())
                    .get("/credentials/admin/re-encryption").then().extract().path("running").equals(false));
            given().auth().oauth2(user.token()).delete("/credentials/" + id).then().statusCode(204);
            given().auth().oauth2(connector).get("/internal/credentials/" + id + "/secret").then().statusCode(404)
                    .body("status", equalTo(404));
        } finally {
            root.removeHandler(capture);
            root.setLevel(rootLevel);
        }
        String log = captured.toString();
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/captured-log.txt"), log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(log.contains("action=credential-read"), "the capture works: the audit lines are there");
        for (Map<String, Object> material : List.of(key, replacement)) {
            for (String field : List.of("apiKey", "secretKey", "passphrase")) {
                assertFalse(log.contains((String) material.get(field)), field + " appeared in the log");
            }
        }
        assertFalse(log.contains(CredentialKeysetResource.OLD_AND_NEW.substring(20, 60)), "the keyset appeared in the log");
    }
}
