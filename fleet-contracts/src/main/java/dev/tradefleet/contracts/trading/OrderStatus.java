package dev.tradefleet.contracts.trading;

/** An order's state as the connector last learned it from the venue. */
public enum OrderStatus {
    ACCEPTED, REJECTED, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED,
    /** The venue's answer was lost (timeout, 5xx, dropped connection): the order may or may not exist yet. */
    UNKNOWN
}
