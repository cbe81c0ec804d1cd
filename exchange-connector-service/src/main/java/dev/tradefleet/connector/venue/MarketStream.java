package dev.tradefleet.connector.venue;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * A venue's public stream of book tops and trades for the symbols followed: what the ticker publisher reads rather
 * than asking the venue every second. It claims to know a symbol's prices only while connected, and only once it has
 * each of them from after it subscribed (streamed, or read over REST once the subscription stood).
 */
public interface MarketStream extends AutoCloseable {

    record Top(BigDecimal bidPrice, BigDecimal askPrice, BigDecimal lastPrice) {
    }

    /** Where a venue has no market stream (or none configured): nothing is ever known, so everything is asked for. */
    MarketStream NONE = new MarketStream() {
        @Override
        public void follow(Set<String> symbols) {
        }

        @Override
        public Optional<Top> top(String symbol) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    };

    /** Streams these symbols from now on, and no others; with none, the stream holds no connection. */
    void follow(Set<String> symbols);

    /** The symbol's best bid, best ask and last price, when the stream knows all three now. */
    Optional<Top> top(String symbol);

    @Override
    void close();
}
