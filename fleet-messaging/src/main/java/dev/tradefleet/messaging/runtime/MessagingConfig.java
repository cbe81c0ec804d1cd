package dev.tradefleet.messaging.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tradefleet.messaging")
public interface MessagingConfig {

    Relay relay();

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
    }
}
