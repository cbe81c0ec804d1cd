package dev.tradefleet.messaging.runtime;

import dev.tradefleet.messaging.consumer.EventConsumerLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** A consumer whose thread died cannot recover by itself: the instance is not live, so it is restarted. */
@Liveness
@ApplicationScoped
public class ConsumersLivenessCheck implements HealthCheck {

    @Inject
    EventConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers").up();
        for (EventConsumerLoop loop : consumers.loops()) {
            response.withData(loop.name(), loop.isRunning() ? "running" : "stopped");
            if (!loop.isRunning()) {
                response.down();
            }
        }
        return response.build();
    }
}
