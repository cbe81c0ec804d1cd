package dev.tradefleet.connector.venue;

import dev.tradefleet.contracts.trading.PlaceOco;
import dev.tradefleet.contracts.trading.PlaceOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One venue account as the connector sees it: the port every venue adapter implements. Every call is asynchronous
 * and passes the venue's limiter first. A stage fails with {@link VenueRejection} when the venue said no, and
 * with {@link AmbiguousOutcome} when nobody knows.
 */
public interface VenueClient {

    Set<Capability> capabilities();

    /**
     * Places the order under {@code clientOrderId}, signed as of {@code recordedAt} (when it was written down as
     * being sent): the venue refuses it after its receive window from then, and a call the limiter held that long
     * fails with {@link VenueBusy} unsent.
     */
    CompletionStage<VenueOrder> place(PlaceOrder order, String clientOrderId, Instant recordedAt);

    /**
     * Places a native one-cancels-the-other pair under the given client order ids (the list's and each leg's);
     * completes with both legs. Only for venues declaring {@link Capability#OCO}.
     */
    CompletionStage<List<VenueOrder>> placeOco(PlaceOco oco, String listClientOrderId, String takeProfitClientOrderId,
                                               String stopLossClientOrderId, Instant recordedAt);

    CompletionStage<VenueOrder> cancel(String symbol, String clientOrderId);

    /** Cancels every open order of the account on {@code symbol}; completes with the orders cancelled. */
    CompletionStage<List<VenueOrder>> cancelAll(String symbol);

    /**
     * The order as the venue knows it, found by the id we gave it: how an ambiguous outcome is resolved. Fails
     * with {@link OrderNotFound} when the venue has no such order.
     */
    CompletionStage<VenueOrder> find(String symbol, String clientOrderId);

    /**
     * An order the venue acknowledged (it answered with {@code venueOrderId}, the last id recorded for it), as it is
     * now: how an order left out of the open orders is followed. Where the venue finds some orders by their own id
     * only (a plan that became an order), the adapter uses it; by default the order is found by its client order id.
     */
    default CompletionStage<VenueOrder> follow(String symbol, String clientOrderId, String venueOrderId) {
        return find(symbol, clientOrderId);
    }

    /** Opens the account's stream of execution reports ({@link UserStream#NONE} where the venue has none configured). */
    UserStream openUserStream(UserStream.Listener listener);

    /**
     * The account's open orders on {@code symbols} (the symbols it has orders to follow on): what reconciliation
     * compares with, in one call where the venue lists every symbol at once, else one call per symbol.
     */
    CompletionStage<List<VenueOrder>> openOrders(Set<String> symbols);

    /** The trades of one order, oldest first. */
    CompletionStage<List<VenueTrade>> trades(String symbol, String venueOrderId);

    /**
     * How long after it was signed a request can still be executed by the venue: once that has passed, an order
     * the venue does not know was never placed.
     */
    Duration receiveWindow();

    /** The account's balances, free and locked, of every asset it holds (the harmless signed read that tests a key, too). */
    CompletionStage<List<Balance>> balances();

    /** The account's wallet: networks, deposits and withdrawals. */
    VenueWallet wallet();
}
