package dev.tradefleet.orders.placing;

/** Which of the trader's accounts a request means: the exchange (any case), narrowed by environment and label when given. */
public record AccountChoice(String exchange, String environment, String label) {
}
