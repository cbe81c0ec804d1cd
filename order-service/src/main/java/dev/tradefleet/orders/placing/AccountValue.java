package dev.tradefleet.orders.placing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An account's value in one quote asset: that asset itself, and every other asset it holds at its last price in
 * that quote asset. An asset without such a price (no market for it) adds nothing: it cannot be sold for the quote
 * asset on this venue.
 */
public final class AccountValue {

    /**
     * @param holdings each asset's total (free and locked)
     * @param prices   each asset's last price in {@code quoteAsset}, where it has one
     */
    public static BigDecimal in(String quoteAsset, Map<String, BigDecimal> holdings, Map<String, BigDecimal> prices) {
        BigDecimal value = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> holding : holdings.entrySet()) {
            if (holding.getKey().equals(quoteAsset)) {
                value = value.add(holding.getValue());
            } else if (prices.containsKey(holding.getKey())) {
                value = value.add(holding.getValue().multiply(prices.get(holding.getKey())));
            }
        }
        return value;
    }

    private AccountValue() {
    }
}
