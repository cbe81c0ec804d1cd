package dev.tradefleet.credentials.consumer;

import dev.tradefleet.credentials.CredentialKeysetResource;
import dev.tradefleet.credentials.CredentialsTestSupport;
import dev.tradefleet.credentials.CredentialsTestSupport.TestUser;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.ManagementInterface;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(CredentialKeysetResource.class)
class DeclaredConsumerTest {

    @Inject
    Pool pool;

    @Test
    void aDeclaredConsumerRunsWithTheServiceRecordsReceiptsAndReportsMetrics() {
        TestUser user = CredentialsTestSupport.newUser();
        String id = CredentialsTestSupport.createdId(user, CredentialsTestSupport.binanceKey("echo"));
        String eventId = pool.preparedQuery("SELECT event_id FROM fleet_outbox WHERE record_key = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getString(0);

        await().atMost(Duration.ofSeconds(60)).until(() -> pool.preparedQuery(
                        "SELECT count(*) FROM fleet_consumer_receipts WHERE consumer = $1 AND event_id = $2")
                .execute(Tuple.of(EchoConsumer.NAME, eventId)).await().indefinitely().iterator().next().getLong(0) == 1);

        given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200)
                .body(containsString("fleet_consumer_applied_total{consumer=\"" + EchoConsumer.NAME + "\""))
                .body(containsString("fleet_consumer_lag{consumer=\"" + EchoConsumer.NAME + "\""))
                .body(containsString("fleet_consumer_dead_letters_total{consumer=\"" + EchoConsumer.NAME + "\""))
                .body(containsString("fleet_outbox_parked"));
    }
}
