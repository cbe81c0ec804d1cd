package dev.tradefleet.connector.venue;

import dev.tradefleet.contracts.trading.PlaceOrder;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One venue account as the connector sees it: the port every venue adapter implements. Every call is asynchronous
 * and passes the venue's limiter first. A stage fails with {@link VenueRejection} when the venue said no, and
 * with {@link AmbiguousOutcome} when nobody knows.
 */
public interface VenueClient {

    Set<Capability> capabilities();

    /** Places the order under {@code clientOrderId} (derived from the intent: a repeat is refused by the venue). */
    CompletionStage<VenueOrder> place(PlaceOrder order, String clientOrderId);

    CompletionStage<VenueOrder> cancel(String symbol, String clientOrderId);

    /** The order as the venue knows it, found by the id we gave it: how an ambiguous outcome is resolved. */
    CompletionStage<VenueOrder> find(String symbol, String clientOrderId);

    /** Free balances by asset (the harmless signed read that verifies a key, too). */
    CompletionStage<Map<String, BigDecimal>> balances();
}
