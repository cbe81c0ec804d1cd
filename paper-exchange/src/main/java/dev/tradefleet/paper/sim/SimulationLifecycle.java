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
        return new MarketSimulator(venue, config.seed(), config.drift(), config.volatility(), config.levels(), config.startPrices());
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
