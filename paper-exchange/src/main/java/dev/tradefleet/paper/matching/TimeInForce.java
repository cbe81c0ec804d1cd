package dev.tradefleet.paper.matching;

public enum TimeInForce {
    GTC, IOC, FOK
}
