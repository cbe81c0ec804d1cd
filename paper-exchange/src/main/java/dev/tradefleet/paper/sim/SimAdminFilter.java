package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.venue.PaperConfig;
import dev.tradefleet.paper.binance.BinanceException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Refuses every {@link SimAdmin} request without the configured admin key (compared in constant time). */
@Provider
@SimAdmin
public class SimAdminFilter implements ContainerRequestFilter {

    /** Looked up per request: providers are created before configuration mappings exist. */
    @Inject
    Instance<PaperConfig> config;

    @Override
    public void filter(ContainerRequestContext request) {
        String expected = config.get().adminKey().orElse(null);
        String given = request.getHeaderString("X-Admin-Key");
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new BinanceException(401, -2015, "Invalid admin key.");
        }
    }
}
