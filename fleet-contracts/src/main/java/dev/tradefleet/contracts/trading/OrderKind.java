package dev.tradefleet.contracts.trading;

/** The orders an intent may ask for; the connector places them natively or says the venue cannot. */
public enum OrderKind {
    /** At a price, resting per its time in force. */
    LIMIT,
    /** A limit order that must rest: refused rather than take liquidity (post-only). */
    LIMIT_MAKER,
    /** At the market, by base quantity or by quote amount. */
    MARKET,
    /** Becomes a limit order at {@code price} once the last price reaches {@code stopPrice}. */
    STOP_LIMIT
}
