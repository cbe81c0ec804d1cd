package dev.tradefleet.paper.sim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "tradefleet.paper.sim")
public interface SimConfig {

    /** Whether the market moves by itself (tests turn it off and step it by hand). */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("1s")
    Duration interval();

    @WithDefault("42")
    long seed();

    /** Relative drift of the reference price per step. */
    @WithDefault("0")
    double drift();

    /** Relative standard deviation of the reference price per step (0.0005 = 0.05%). */
    @WithDefault("0.0005")
    double volatility();

    /** Price levels the simulated market maker quotes on each side, one tick apart from the reference outwards. */
    @WithDefault("10")
    int levels();

    /** Start prices by symbol (decimal strings); symbols not listed start at their default. */
    Map<String, String> startPrices();

    /**
     * Symbols whose price replays a candles file (Binance kline CSV) instead of walking: a file path, or
     * {@code classpath:sim/ethusdt-1m-sample.csv} for the sample shipped with the module.
     */
    Map<String, String> replay();
}
