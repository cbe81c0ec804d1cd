package dev.tradefleet.auth.session;

import dev.tradefleet.auth.AuthConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/** Deletes expired throttle rows every few minutes, so made-up emails cannot grow the table without bound. */
@ApplicationScoped
public class ThrottlePruning {

    private static final Logger LOG = Logger.getLogger(ThrottlePruning.class);

    void start(@Observes StartupEvent event, Vertx vertx, Pool pool, LoginThrottleRepository throttles, AuthConfig config) {
        AuthConfig.Throttle t = config.throttle();
        Duration longestWindow = t.window().compareTo(t.registrationWindow()) > 0 ? t.window() : t.registrationWindow();
        vertx.setPeriodic(t.pruneInterval().toMillis(), id -> throttles.prune(pool, Instant.now().minus(longestWindow))
                .subscribe().with(deleted -> LOG.debugf("pruned %d throttle rows", deleted),
                        failure -> LOG.warnf("could not prune throttle rows: %s", failure.getMessage())));
    }
}
