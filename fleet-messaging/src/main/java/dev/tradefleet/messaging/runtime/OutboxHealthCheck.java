package dev.tradefleet.messaging.runtime;

import dev.tradefleet.messaging.outbox.OutboxRelay;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Parked outbox rows need an operator, but do not make the instance unable to serve: they show on the
 * wellness endpoint ({@code /q/health/well}) and in metrics, not in liveness or readiness.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelayLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        OutboxRelay relay = lifecycle.relay().orElse(null);
        if (relay == null) {
            return HealthCheckResponse.named("outbox").up().withData("relay", "off").build();
        }
        OutboxRelay.Backlog backlog = relay.backlog();
        return HealthCheckResponse.named("outbox").status(relay.isRunning() && backlog.parked() == 0)
                .withData("relay", relay.isRunning() ? "running" : "stopped")
                .withData("pending", backlog.pending())
                .withData("parked", backlog.parked())
                .build();
    }
}
