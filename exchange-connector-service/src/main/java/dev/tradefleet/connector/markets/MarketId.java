package dev.tradefleet.connector.markets;

/** One symbol on one venue and environment. */
public record MarketId(String venue, String environment, String symbol) {
}
