package dev.tradefleet.orders.placing;

import java.math.BigDecimal;

/**
 * What a venue requires of an order on a symbol, as the connector lists it: price and quantity bounds and steps,
 * and the least value an order may have. A zero (or absent) bound or step means the venue sets none.
 */
public record SymbolRules(String symbol, String baseAsset, String quoteAsset, String status, BigDecimal tickSize, BigDecimal minPrice,
                          BigDecimal maxPrice, BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity,
                          BigDecimal minNotional) {

    /** Venues leave out the bounds they do not set (the connector answers null for them): none is zero here. */
    public SymbolRules {
        tickSize = orZero(tickSize);
        minPrice = orZero(minPrice);
        maxPrice = orZero(maxPrice);
        stepSize = orZero(stepSize);
        minQuantity = orZero(minQuantity);
        maxQuantity = orZero(maxQuantity);
        minNotional = orZero(minNotional);
    }

    private static BigDecimal orZero(BigDecimal bound) {
        return bound == null ? BigDecimal.ZERO : bound;
    }

    public boolean trading() {
        return "TRADING".equalsIgnoreCase(status);
    }
}
