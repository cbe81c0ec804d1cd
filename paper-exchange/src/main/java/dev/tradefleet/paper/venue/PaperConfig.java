package dev.tradefleet.paper.venue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "tradefleet.paper")
public interface PaperConfig {

    /** Guards the simulation's admin API ({@code X-Admin-Key}); without one, the admin API is closed. */
    Optional<String> adminKey();

    @WithDefault("1000")
    long makerFeePpm();

    @WithDefault("1000")
    long takerFeePpm();

    /** Request weight a client address may use per minute (Binance: 6000). */
    @WithDefault("6000")
    long weightLimit();

    /** How long a deposit takes to be credited, and a withdrawal to be sent. */
    @WithDefault("PT2S")
    Duration transferDelay();

    /** What the wallet endpoints ({@code /sapi/v1/capital/config/getall}) say about withdrawals, per coin. */
    Map<String, Withdrawal> withdrawal();

    interface Withdrawal {
        @WithDefault("0")
        String fee();

        @WithDefault("0")
        String min();
    }
}
