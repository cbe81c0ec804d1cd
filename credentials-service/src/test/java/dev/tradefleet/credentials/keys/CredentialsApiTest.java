package dev.tradefleet.credentials.keys;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.credentials.CredentialChanged;
import dev.tradefleet.credentials.CredentialKeysetResource;
import dev.tradefleet.credentials.CredentialsTestSupport;
import dev.tradefleet.credentials.CredentialsTestSupport.TestUser;
import dev.tradefleet.testing.TestInfrastructure;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tradefleet.credentials.CredentialsTestSupport.create;
import static dev.tradefleet.credentials.CredentialsTestSupport.createdId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(CredentialKeysetResource.class)
class CredentialsApiTest {

    @Inject
    Pool pool;

    @Test
    void createListGetUpdateToggleDelete() {
        TestUser user = CredentialsTestSupport.newUser();
        Map<String, Object> key = CredentialsTestSupport.binanceKey("main");
        String apiKey = (String) key.get("apiKey");
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = create(user, key).statusCode(201)
                .body("exchange", equalTo("binance")).body("environment", equalTo("testnet")).body("label", equalTo("main"))
                .body("apiKey", equalTo("****WXYZ")).body("status", equalTo("unverified")).body("active", equalTo(true))
                .body("secretKey", nullValue()).body("passphrase", nullValue())
                .extract();
        String id = created.path("id");
        assertEquals("/credentials/" + id, java.net.URI.create(created.header("Location")).getPath());
        String body = created.asString();
        assertFalse(body.contains(apiKey) || body.contains((String) key.get("secretKey")), body);
        given().auth().oauth2(user.token()).get("/credentials").then().statusCode(200).body("id", hasItem(id));

        given().auth().oauth2(user.token()).get("/credentials/" + id).then().statusCode(200).body("apiKey", equalTo("****WXYZ"));

        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of("label", "renamed"))
                .patch("/credentials/" + id).then().statusCode(200).body("label", equalTo("renamed"));
        given().auth().oauth2(user.token()).contentType(ContentType.JSON)
                .body(Map.of("apiKey", "NEWKEY0000000000AAAA", "secretKey", "NEWSECRET00000000"))
                .patch("/credentials/" + id).then().statusCode(200).body("apiKey", equalTo("****AAAA"))
                .body("status", equalTo("unverified"));

        given().auth().oauth2(user.token()).patch("/credentials/" + id + "/toggle").then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(user.token()).patch("/credentials/" + id + "/toggle").then().statusCode(200).body("active", equalTo(true));

        // PUT .../active is idempotent: the second identical request changes and announces nothing
        long events = count("SELECT count(*) FROM fleet_outbox WHERE record_key = $1", id);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of("active", false))
                    .put("/credentials/" + id + "/active").then().statusCode(200).body("active", equalTo(false));
        }
        assertEquals(events + 1, count("SELECT count(*) FROM fleet_outbox WHERE record_key = $1", id));
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of("active", true))
                .put("/credentials/" + id + "/active").then().statusCode(200).body("active", equalTo(true));
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body("{\"active\":\"false\"}")
                .put("/credentials/" + id + "/active").then().statusCode(400).body("errors.field", hasItem("active"));
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body("{}")
                .put("/credentials/" + id + "/active").then().statusCode(400).body("errors.field", hasItem("active"));

        given().auth().oauth2(user.token()).delete("/credentials/" + id).then().statusCode(204);
        given().auth().oauth2(user.token()).get("/credentials/" + id).then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM credentials WHERE id = $1", UUID.fromString(id)),
                "deleting destroys the row and its ciphertext");

        List<String> changes = changesOf(id, 8);
        assertEquals(List.of("created", "relabelled", "key-replaced", "deactivated", "activated", "deactivated", "activated",
                "deleted"), changes, "toggle twice, PUT active=false twice (one change), PUT active=true, delete");
    }

    @Test
    void theDatabaseRowHoldsNoPlaintext() {
        TestUser user = CredentialsTestSupport.newUser();
        Map<String, Object> key = CredentialsTestSupport.bitgetKey("raw-row");
        String id = createdId(user, key);
        String row = pool.preparedQuery("SELECT t::text || encode(material, 'escape') FROM credentials t WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getString(0);
        for (String secret : List.of("apiKey", "secretKey", "passphrase")) {
            assertFalse(row.contains((String) key.get(secret)), secret + " found in the raw row");
        }
    }

    @Test
    void bitgetNeedsAPassphraseAndTheOthersRefuseOne() {
        TestUser user = CredentialsTestSupport.newUser();
        Map<String, Object> bitget = CredentialsTestSupport.bitgetKey("bg");
        bitget.remove("passphrase");
        create(user, bitget).statusCode(400).body("errors.field", hasItem("passphrase"));
        Map<String, Object> binance = CredentialsTestSupport.binanceKey("bn");
        binance.put("passphrase", "not-for-binance");
        create(user, binance).statusCode(400).body("errors.message", hasItem("must be empty for binance"));
        create(user, CredentialsTestSupport.bitgetKey("bg")).statusCode(201);
    }

    @Test
    void oneActiveCredentialPerExchangeEnvironmentAndLabel() {
        TestUser user = CredentialsTestSupport.newUser();
        String first = createdId(user, CredentialsTestSupport.binanceKey("dup"));
        create(user, CredentialsTestSupport.binanceKey("dup")).statusCode(409)
                .body("type", equalTo("https://tradefleet.dev/problems/credential-exists"));
        Map<String, Object> live = CredentialsTestSupport.binanceKey("dup");
        live.put("environment", "live");
        create(user, live).statusCode(201);

        given().auth().oauth2(user.token()).patch("/credentials/" + first + "/toggle").then().statusCode(200);
        String second = createdId(user, CredentialsTestSupport.binanceKey("dup"));
        given().auth().oauth2(user.token()).patch("/credentials/" + first + "/toggle").then().statusCode(409);
        given().auth().oauth2(user.token()).delete("/credentials/" + second).then().statusCode(204);
        given().auth().oauth2(user.token()).patch("/credentials/" + first + "/toggle").then().statusCode(200)
                .body("active", equalTo(true));
    }

    @Test
    void replacingTheKeyNeedsTheWholeKey() {
        TestUser user = CredentialsTestSupport.newUser();
        String id = createdId(user, CredentialsTestSupport.binanceKey("partial"));
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of("apiKey", "ONLYTHEKEY123"))
                .patch("/credentials/" + id).then().statusCode(400).body("errors.field", hasItem("secretKey"));
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of())
                .patch("/credentials/" + id).then().statusCode(400);
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    /** The {@code change} of every event about credential {@code id}, in order. */
    private static List<String> changesOf(String id, int expected) {
        List<String> changes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, TestInfrastructure.newGroup("credentials-test"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CREDENTIALS_CHANGES));
            long deadline = System.currentTimeMillis() + 30_000;
            while (changes.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(id)) {
                        EventEnvelope event = EventCodec.decode(record.value());
                        assertEquals(CredentialChanged.TYPE, event.type());
                        changes.add(EventCodec.payload(event, CredentialChanged.class).change());
                        assertFalse(new String(record.value()).contains("secret"), "an event never carries material");
                    }
                });
            }
        }
        return changes;
    }
}
