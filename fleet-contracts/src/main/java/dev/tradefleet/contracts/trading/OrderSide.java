package dev.tradefleet.contracts.trading;

public enum OrderSide { BUY, SELL }
