package dev.tradefleet.connector.venue;

/** What a venue can do natively; callers emulate the rest (e.g. order-service's exits on MEXC). */
public enum Capability {
    OCO,
    STOP_LIMIT,
    POST_ONLY,
    /** A market buy for an amount of the quote asset. */
    QUOTE_AMOUNT_MARKET_BUY,
    /** A market buy for a quantity of the base asset (Bitget's market buys take a quote amount only). */
    BASE_QUANTITY_MARKET_BUY,
    TRAILING_STOP
}
