package dev.tradefleet.paper.matching;

public enum OrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH;

    public boolean isFinal() {
        return this != NEW && this != PARTIALLY_FILLED;
    }
}
