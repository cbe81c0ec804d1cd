package dev.tradefleet.orders.placing;

import java.math.BigDecimal;

/**
 * What a venue requires of an order on a symbol, as the connector lists it: price and quantity bounds and steps,
 * and the least value an order may have. A zero bound or step means the venue sets none.
 */
public record SymbolRules(String symbol, String baseAsset, String quoteAsset, String status, BigDecimal tickSize, BigDecimal minPrice,
                          BigDecimal maxPrice, BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity,
                          BigDecimal minNotional) {

    public boolean trading() {
        return "TRADING".equalsIgnoreCase(status);
    }
}
