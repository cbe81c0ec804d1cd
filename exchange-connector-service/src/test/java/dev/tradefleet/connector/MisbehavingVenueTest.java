package dev.tradefleet.connector;

import dev.tradefleet.connector.FaultyVenue.Fault;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.ManagementInterface;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A venue that turns requests away (429, 418) or loses its answers (503, silence after executing): nothing is
 * placed twice, nothing reported twice, nothing lost, and "not now" is never a rejection.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(ConnectorTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MisbehavingVenueTest {

    private static final String PLACE = "/api/v3/order";
    private Trading trading;
    private final FaultyVenue venue = ConnectorTestResource.faultyVenue();

    @BeforeAll
    void startTrading() {
        trading = new Trading();
    }

    @AfterAll
    void stopTrading() {
        trading.close();
    }

    private long placements(Trading.Account account) throws Exception {
        return trading.ordersOnTheVenue(account).size();
    }

    @Test
    void anAnswerLostAfterTheVenueExecutedIsUnknownUntilTheOrderIsFoundOnce() throws Exception {
        Trading.Account account = trading.newAccount("testnet");
        venue.plan("POST", PLACE, Fault.ANSWER_LOST);
        PlaceOrder buy = Trading.marketBuy(account, "0.001");
        trading.send(buy);

        trading.awaitUpdate(buy.intentId(), OrderStatus.FILLED);
        assertEquals(List.of(OrderStatus.UNKNOWN, OrderStatus.FILLED), trading.statuses(buy.intentId()), "never a rejection");
        await().atMost(Trading.WITHIN).until(() -> !trading.fills(buy.intentId()).isEmpty());
        assertEquals(1, placements(account));
    }

    @Test
    void aVenueSilentPastTheTimeoutIsUnknownUntilTheOrderIsFoundOnce() throws Exception {
        Trading.Account account = trading.newAccount("testnet");
        venue.plan("POST", PLACE, Fault.SILENT);
        PlaceOrder buy = Trading.marketBuy(account, "0.001");
        trading.send(buy);

        trading.awaitUpdate(buy.intentId(), OrderStatus.FILLED);
        assertEquals(List.of(OrderStatus.UNKNOWN, OrderStatus.FILLED), trading.statuses(buy.intentId()));
        assertEquals(1, placements(account));
    }

    @Test
    void rateLimitedAndBannedPlacementsWaitAsToldAndArePlacedOnce() throws Exception {
        for (Fault fault : List.of(Fault.RATE_LIMITED, Fault.BANNED)) {
            Trading.Account account = trading.newAccount("testnet");
            venue.plan("POST", PLACE, fault);
            PlaceOrder buy = Trading.marketBuy(account, "0.001");
            long sent = System.nanoTime();
            trading.send(buy);

            trading.awaitUpdate(buy.intentId(), OrderStatus.FILLED);
            assertTrue(System.nanoTime() - sent >= 900_000_000L, fault + ": waited as the venue said");
            assertEquals(List.of(OrderStatus.FILLED), trading.statuses(buy.intentId()), fault + ": no rejection, no unknown");
            assertEquals(1, placements(account), fault.name());
        }
        String tags = "{environment=\"testnet\",venue=\"binance\"}";
        given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200)
                .body(containsString("connector_venue_rate_limited_total" + tags))
                .body(containsString("connector_venue_bans_total" + tags))
                .body(containsString("connector_venue_banned" + tags + " 0.0"))
                .body(containsString("connector_venue_limit_capacity{environment=\"testnet\",limit=\"REQUEST_WEIGHT\",venue=\"binance\"} 6000.0"));
        given().get(ManagementInterface.url("/q/health/well")).then().statusCode(200);
    }
}
