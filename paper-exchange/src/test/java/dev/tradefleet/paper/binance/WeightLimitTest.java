package dev.tradefleet.paper.binance;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(WeightLimitTest.LowLimit.class)
class WeightLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradefleet.paper.weight-limit", "30");
        }
    }

    /**
     * The window is the wall-clock minute, so two calls may straddle a boundary: within three calls of weight 20
     * against a limit of 30, one is refused whatever the clock does. (Exact accounting: RequestWeightsTest.)
     */
    @Test
    void overTheLimitIsRefusedWithBinances429() {
        given().get("/api/v3/exchangeInfo").then().statusCode(200).header("X-MBX-USED-WEIGHT-1M", notNullValue());
        Response refused = null;
        for (int i = 0; i < 2 && (refused == null || refused.statusCode() != 429); i++) {
            refused = given().get("/api/v3/exchangeInfo");
        }
        refused.then().statusCode(429).body("code", equalTo(-1003)).header("Retry-After", notNullValue());
    }
}
