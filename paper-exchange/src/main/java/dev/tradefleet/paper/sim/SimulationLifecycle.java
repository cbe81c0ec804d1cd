package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.venue.Venue;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Makes the simulated market and, unless turned off, moves it every interval. */
public class SimulationLifecycle {

    private static final Logger LOG = Logger.getLogger(SimulationLifecycle.class);

    @Produces
    @Singleton
    MarketSimulator simulator(Venue venue, SimConfig config) {
        java.util.Map<String, PriceSource> replays = new java.util.HashMap<>();
        config.replay().forEach((symbol, location) -> replays.put(symbol, new CandleReplay(read(location), venue.spec(symbol).tickSize())));
        return new MarketSimulator(venue, config.seed(), config.drift(), config.volatility(), config.levels(), config.startPrices(),
                replays);
    }

    private static java.util.List<String> read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                try (var in = SimulationLifecycle.class.getClassLoader().getResourceAsStream(location.substring("classpath:".length()))) {
                    if (in == null) {
                        throw new IllegalStateException("no candles file at " + location);
                    }
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
                }
            }
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of(location));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the candles file " + location, e);
        }
    }

    void start(@Observes StartupEvent event, MarketSimulator simulator, SimConfig config, Vertx vertx) {
        if (!config.enabled()) {
            return;
        }
        simulator.step();
        vertx.setPeriodic(config.interval().toMillis(), id -> vertx.executeBlocking(() -> {
            simulator.step();
            return null;
        }, true).onFailure(e -> LOG.warnf("simulation step failed: %s", e.getMessage())));
    }
}
