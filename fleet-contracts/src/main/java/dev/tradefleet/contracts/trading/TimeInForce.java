package dev.tradefleet.contracts.trading;

public enum TimeInForce { GTC, IOC, FOK }
