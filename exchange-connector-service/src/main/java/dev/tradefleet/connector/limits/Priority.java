package dev.tradefleet.connector.limits;

/** Who goes first when capacity is short: getting out of the market before getting into it, before reading. */
public enum Priority {
    CANCEL, PLACE, ACCOUNT_READ, MARKET_DATA
}
