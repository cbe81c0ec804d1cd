package dev.tradefleet.paper.sim;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ETHUSDT replays the candles file shipped with the module; the market follows it step by step. */
@QuarkusTest
@TestProfile(ReplayedMarketTest.Replay.class)
class ReplayedMarketTest {

    public static class Replay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradefleet.paper.sim.replay.ETHUSDT", "classpath:sim/ethusdt-1m-sample.csv");
        }
    }

    @Inject
    MarketSimulator simulator;

    @Test
    void theReferencePriceFollowsTheFile() {
        assertEquals(300_000_000_000L, simulator.referencePrice("ETHUSDT"));
        // the first sample candle rises: open 3000.00, low 2998.33, high 3003.07, close 3002.58
        for (String expected : new String[] {"2998.33", "3003.07", "3002.58"}) {
            simulator.step("ETHUSDT");
            given().queryParam("symbol", "ETHUSDT").get("/api/v3/ticker/price").then().body("price", equalTo(expected + "000000"));
        }
    }
}
