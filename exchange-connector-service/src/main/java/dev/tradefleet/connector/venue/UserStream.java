package dev.tradefleet.connector.venue;

/**
 * An account's stream of execution reports from the venue (Binance: user data over the WebSocket API). It
 * reconnects by itself with growing pauses until closed; what happened while it was away is not in it, so every
 * (re)connection is told, and the listener catches up by asking the venue.
 */
public interface UserStream extends AutoCloseable {

    interface Listener {

        /** An order of the account changed; {@code trade} is the trade that changed it, or null. */
        void onReport(VenueOrder order, VenueTrade trade);

        /** Subscribed (again): reports from before this moment may have been missed. */
        void onConnected();
    }

    /** A venue or environment without a stream: the connector follows orders by asking. */
    UserStream NONE = () -> { };

    @Override
    void close();
}
