package dev.tradefleet.credentials.consumer;

import dev.tradefleet.credentials.CredentialKeysetResource;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.ManagementInterface;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A parked outbox row shows on the wellness endpoint and in the metrics, without touching readiness. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(CredentialKeysetResource.class)
class OutboxHealthTest {

    @Inject
    Pool pool;

    @Test
    void aParkedRowShowsOnTheWellnessEndpointAndInMetrics() {
        String eventId = UUID.randomUUID().toString();
        pool.query("INSERT INTO fleet_outbox (topic, record_key, event_id, payload, attempts, last_error, parked_at)"
                + " VALUES ('credentials.changes.v1', 'parked-key', '" + eventId + "', '\\x7b7d', 10, 'InvalidTopicException: test', now())")
                .execute().await().indefinitely();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(ManagementInterface.url("/q/health/well"))
                    .then().statusCode(503).body("checks.find { it.name == 'outbox' }.status", org.hamcrest.Matchers.equalTo("DOWN"))
                    .body("checks.find { it.name == 'outbox' }.data.parked", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
            given().get(ManagementInterface.url("/q/metrics")).then().body(org.hamcrest.Matchers.containsString("fleet_outbox_parked 1.0"));
            given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200);
        } finally {
            pool.query("UPDATE fleet_outbox SET published_at = now() WHERE event_id = '" + eventId + "'").execute().await().indefinitely();
        }
    }
}
