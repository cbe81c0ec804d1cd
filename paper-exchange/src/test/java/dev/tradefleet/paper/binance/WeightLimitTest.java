package dev.tradefleet.paper.binance;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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

    @Test
    void overTheLimitIsRefusedWithBinances429() {
        given().get("/api/v3/exchangeInfo").then().statusCode(200).header("X-MBX-USED-WEIGHT-1M", "20");
        given().get("/api/v3/exchangeInfo").then().statusCode(429)
                .body("code", equalTo(-1003)).header("Retry-After", notNullValue());
        given().get("/api/v3/ping").then().statusCode(200).header("X-MBX-USED-WEIGHT-1M", "21");
    }
}
