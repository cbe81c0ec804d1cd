package dev.tradefleet.connector.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimitTest {

    @Test
    void eachLimitCountsWhatItsVenueCounts() {
        VenueRequest place = VenueRequest.place("acct", 1);
        VenueRequest cancel = VenueRequest.cancel("acct", 1);
        VenueRequest read = VenueRequest.accountRead("acct", 10);
        VenueRequest withdraw = VenueRequest.transfer("acct", 1);
        VenueRequest wallet = VenueRequest.walletRead("acct", 1);
        VenueRequest market = VenueRequest.marketData(2);

        assertCosts(RateLimit.Counts.WEIGHT, 1, 1, 10, 1, 1, 2, place, cancel, read, withdraw, wallet, market);
        assertCosts(RateLimit.Counts.REQUESTS, 1, 1, 1, 1, 1, 1, place, cancel, read, withdraw, wallet, market);
        assertCosts(RateLimit.Counts.ORDERS, 1, 0, 0, 0, 0, 0, place, cancel, read, withdraw, wallet, market);
        // MEXC: placing and cancelling share one count per account
        assertCosts(RateLimit.Counts.ORDERS_AND_CANCELS, 1, 1, 0, 0, 0, 0, place, cancel, read, withdraw, wallet, market);
        assertCosts(RateLimit.Counts.WALLET_CALLS, 0, 0, 0, 1, 1, 0, place, cancel, read, withdraw, wallet, market);
    }

    private static void assertCosts(RateLimit.Counts counts, long place, long cancel, long read, long withdraw, long wallet, long market,
                                    VenueRequest... requests) {
        RateLimit limit = new RateLimit("L", RateLimit.Scope.ACCOUNT, counts, 10, Duration.ofSeconds(1));
        long[] expected = {place, cancel, read, withdraw, wallet, market};
        for (int i = 0; i < requests.length; i++) {
            assertEquals(expected[i], limit.cost(requests[i]), counts + " of " + requests[i]);
        }
    }
}
