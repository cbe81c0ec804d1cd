package dev.tradefleet.paper.matching;

/**
 * A symbol and its Binance filters (PRICE_FILTER, LOT_SIZE, NOTIONAL), in units. Tick and step together may
 * have at most 8 decimals, so that price × quantity is always an exact number of quote units.
 */
public record SymbolSpec(String symbol, String baseAsset, String quoteAsset, long tickSize, long minPrice, long maxPrice,
                         long stepSize, long minQty, long maxQty, long minNotional) {

    public SymbolSpec {
        if (tickSize <= 0 || stepSize <= 0 || minQty <= 0 || maxQty < minQty) {
            throw new IllegalArgumentException(symbol + ": tick, step and quantities must be positive");
        }
        if (Math.multiplyExact(tickSize, stepSize) % Units.ONE != 0) {
            throw new IllegalArgumentException(symbol + ": tick size and step size together have more than 8 decimals");
        }
    }

    /** From decimal strings, as an exchangeInfo would list them. */
    public static SymbolSpec of(String symbol, String base, String quote, String tickSize, String minPrice, String maxPrice,
                                String stepSize, String minQty, String maxQty, String minNotional) {
        return new SymbolSpec(symbol, base, quote, Units.of(tickSize), Units.of(minPrice), Units.of(maxPrice), Units.of(stepSize),
                Units.of(minQty), Units.of(maxQty), Units.of(minNotional));
    }

    /** Quote units of {@code quantity} at {@code price}; exact because of the 8-decimal rule above. */
    public long notional(long price, long quantity) {
        return Math.multiplyExact(Math.multiplyExact(price / tickSize, quantity / stepSize), tickSize * stepSize / Units.ONE);
    }

    /** The largest quantity on the step grid whose notional at {@code price} is at most {@code quote}. */
    long quantityFor(long quote, long price) {
        long perStep = notional(price, stepSize);
        return perStep == 0 ? 0 : (quote / perStep) * stepSize;
    }

    void checkPrice(long price) {
        if (price < minPrice || (maxPrice > 0 && price > maxPrice) || price % tickSize != 0) {
            throw Rejection.filter("PRICE_FILTER");
        }
    }

    void checkQuantity(long quantity) {
        if (quantity < minQty || quantity > maxQty || (quantity - minQty) % stepSize != 0) {
            throw Rejection.filter("LOT_SIZE");
        }
    }

    void checkNotional(long price, long quantity) {
        if (notional(price, quantity) < minNotional) {
            throw Rejection.filter("NOTIONAL");
        }
    }
}
