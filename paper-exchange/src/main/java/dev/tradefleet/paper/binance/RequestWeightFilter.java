package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.venue.PaperConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Optional;

/** Charges every {@code /api/v3} request its weight and reports the minute's total, as Binance does. */
@Singleton
public class RequestWeightFilter {

    private static final String USED = "paper.usedWeight";
    /** Filters are made at static init, before runtime configuration: read it on the first request. */
    private final Provider<PaperConfig> config;
    private volatile RequestWeights weights;

    RequestWeightFilter(Provider<PaperConfig> config) {
        this.config = config;
    }

    private RequestWeights weights() {
        RequestWeights current = weights;
        if (current == null) {
            synchronized (this) {
                if (weights == null) {
                    weights = new RequestWeights(config.get().weightLimit());
                }
                current = weights;
            }
        }
        return current;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> charge(ContainerRequestContext context, HttpServerRequest request) {
        String path = request.path();
        if (!path.startsWith("/api/v3/") && !path.startsWith("/sapi/")) {
            return Optional.empty();
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long weight = RequestWeights.weightOf(request.method().name(), path, request.getParam("symbol"), request.getParam("limit"));
        RequestWeights weights = weights();
        RequestWeights.Decision decision = weights.charge(address, weight, System.currentTimeMillis());
        context.setProperty(USED, decision.usedWeight());
        if (decision.status() == 200) {
            return Optional.empty();
        }
        String message = decision.status() == 418
                ? "Way too much request weight used; IP banned for " + decision.retryAfterSeconds() + " seconds."
                : "Too much request weight used; current limit is " + weights.limit()
                + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.";
        Response refused = BinanceErrors.respond(decision.status(), -1003, message);
        return Optional.of(Response.fromResponse(refused).header("Retry-After", decision.retryAfterSeconds())
                .header("X-MBX-USED-WEIGHT-1M", decision.usedWeight()).build());
    }

    @ServerResponseFilter
    public void report(ContainerRequestContext request, ContainerResponseContext response) {
        Object used = request.getProperty(USED);
        if (used != null && !response.getHeaders().containsKey("X-MBX-USED-WEIGHT-1M")) {
            response.getHeaders().putSingle("X-MBX-USED-WEIGHT-1M", used);
        }
    }
}
