package dev.tradefleet.gateway.security;

import dev.tradefleet.gateway.proxy.GatewayProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.concurrent.TimeUnit;

/** The gateway can only serve once it knows auth-service's signing keys. */
@Readiness
@ApplicationScoped
public class JwksReadinessCheck implements HealthCheck {

    @Inject
    GatewayProxy proxy;

    @Override
    public HealthCheckResponse call() {
        JwksKeys keys = proxy.jwks();
        if (keys != null && !keys.loaded()) {
            try {
                keys.refresh().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                return HealthCheckResponse.down("jwks");
            }
        }
        return HealthCheckResponse.named("jwks").status(keys != null && keys.loaded()).build();
    }
}
