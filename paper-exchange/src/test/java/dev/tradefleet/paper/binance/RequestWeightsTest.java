package dev.tradefleet.paper.binance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestWeightsTest {

    private static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % 60_000;

    @Test
    void theMinutesWeightIsCountedAndRefusedOverTheLimit() {
        RequestWeights weights = new RequestWeights(50);
        assertEquals(new RequestWeights.Decision(200, 20, 0), weights.charge("a", 20, T0));
        assertEquals(new RequestWeights.Decision(200, 40, 0), weights.charge("a", 20, T0 + 1000));
        RequestWeights.Decision refused = weights.charge("a", 20, T0 + 15_000);
        assertEquals(429, refused.status());
        assertEquals(45, refused.retryAfterSeconds(), "until the minute is over");
        assertEquals(200, weights.charge("b", 20, T0 + 15_000).status(), "another address has its own budget");
        assertEquals(200, weights.charge("a", 20, T0 + 60_000).status(), "a new minute, a new budget");
    }

    @Test
    void whoKeepsGoingWhileRefusedIsBanned() {
        RequestWeights weights = new RequestWeights(10);
        weights.charge("a", 10, T0);
        for (int i = 0; i < 10; i++) {
            assertEquals(429, weights.charge("a", 1, T0 + i).status());
        }
        RequestWeights.Decision ban = weights.charge("a", 1, T0 + 100);
        assertEquals(418, ban.status());
        assertEquals(120, ban.retryAfterSeconds());
        assertEquals(418, weights.charge("a", 1, T0 + 60_000).status(), "the ban outlasts the minute");
        assertEquals(200, weights.charge("a", 1, T0 + 100 + 120_000).status());
    }

    @Test
    void endpointsCostWhatBinanceCharges() {
        assertEquals(5, RequestWeights.weightOf("GET", "/api/v3/depth", "BTCUSDT", "100"));
        assertEquals(250, RequestWeights.weightOf("GET", "/api/v3/depth", "BTCUSDT", "5000"));
        assertEquals(80, RequestWeights.weightOf("GET", "/api/v3/openOrders", null, null));
        assertEquals(6, RequestWeights.weightOf("GET", "/api/v3/openOrders", "BTCUSDT", null));
        assertEquals(1, RequestWeights.weightOf("POST", "/api/v3/order", "BTCUSDT", null));
        assertEquals(20, RequestWeights.weightOf("GET", "/api/v3/exchangeInfo", null, null));
    }
}
