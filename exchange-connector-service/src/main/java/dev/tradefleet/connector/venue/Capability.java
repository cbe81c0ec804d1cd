package dev.tradefleet.connector.venue;

/** What a venue can do natively; callers emulate the rest (e.g. order-service's exits on MEXC). */
public enum Capability {
    OCO, STOP_LIMIT, POST_ONLY, QUOTE_AMOUNT_MARKET_BUY, TRAILING_STOP
}
