package dev.tradefleet.connector.venue;

import java.math.BigDecimal;

/** What an account holds of one asset: free to use, and locked in open orders. */
public record Balance(String asset, BigDecimal free, BigDecimal locked) {
}
