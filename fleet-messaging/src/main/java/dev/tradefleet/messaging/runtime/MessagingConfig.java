package dev.tradefleet.messaging.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tradefleet.messaging")
public interface MessagingConfig {

    Relay relay();

    Consumer consumer();

    interface Consumer {
        /** Tries of an event that fails for a reason of its own before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("100ms")
        Duration minBackoff();

        @WithDefault("5s")
        Duration maxBackoff();

        @WithDefault("500ms")
        Duration pollTimeout();

        @WithDefault("30s")
        Duration applyTimeout();

        @WithDefault("200")
        int maxPollRecords();

        /** Must be longer than any redelivery window: the topics' retention (7 days by default). */
        @WithDefault("30d")
        Duration receiptRetention();

        @WithDefault("1h")
        Duration pruneInterval();
    }

    interface Relay {
        /** Services that publish nothing yet may turn the relay off. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        /** Safety-net poll; commits wake the relay at once through LISTEN/NOTIFY. */
        @WithDefault("5s")
        Duration pollInterval();

        @WithDefault("100ms")
        Duration minBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        @WithDefault("30s")
        Duration publishTimeout();

        /** How long published rows are kept for inspection before they are deleted. */
        @WithDefault("7d")
        Duration retention();

        /** Refusals of a row by the broker (never outages) after which it is parked. */
        @WithDefault("10")
        int maxAttempts();

        /** Rows larger than this are parked unsent; keep it at the producer's max.request.size. */
        @WithDefault("1048576")
        int maxRecordBytes();
    }
}
