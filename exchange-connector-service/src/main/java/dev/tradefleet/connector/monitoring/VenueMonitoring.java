package dev.tradefleet.connector.monitoring;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.sessions.VenueClients;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Each venue limiter's figures as metrics ({@code connector_venue_*{venue, environment}}: used vs limit per
 * venue-wide limit, calls let go, calls that waited, the venue's 429s and 418s, a ban in force) and a ban as a
 * wellness check: a banned venue is not a reason to restart or to stop routing to this instance (every other
 * venue still works), but an operator must see it.
 */
@ApplicationScoped
@Wellness
public class VenueMonitoring implements HealthCheck {

    @Inject
    MeterRegistry registry;
    @Inject
    VenueClients clients;

    /** Registers the meters of a limiter just made for {@code venue/environment}. */
    public static void measure(MeterRegistry registry, String where, VenueLimiter limiter) {
        String[] parts = where.split("/", 2);
        Tags tags = Tags.of("venue", parts[0], "environment", parts[1]);
        for (RateLimit limit : limiter.limits()) {
            if (limit.scope() == RateLimit.Scope.VENUE) {
                Tags limitTags = tags.and("limit", limit.name());
                Gauge.builder("connector.venue.limit.used", limiter, l -> l.usage().usedOfLimits().getOrDefault(limit.name(), 0L))
                        .tags(limitTags).description("Spent of the venue-wide limit in its current window").register(registry);
                Gauge.builder("connector.venue.limit.capacity", limit, RateLimit::capacity)
                        .tags(limitTags).description("What the venue allows per window").register(registry);
            }
        }
        counter(registry, "connector.venue.requests.admitted", tags, limiter, l -> l.usage().admitted(), "Calls the limiter let go");
        counter(registry, "connector.venue.requests.waited", tags, limiter, l -> l.usage().waited(), "Calls that waited for capacity");
        counter(registry, "connector.venue.rate.limited", tags, limiter, l -> l.usage().rateLimited(), "429 answers from the venue");
        counter(registry, "connector.venue.bans", tags, limiter, l -> l.usage().bans(), "418 answers from the venue");
        Gauge.builder("connector.venue.waiting", limiter, VenueLimiter::waiting).tags(tags)
                .description("Calls waiting for capacity now").register(registry);
        Gauge.builder("connector.venue.banned", limiter, l -> l.banned() ? 1 : 0).tags(tags)
                .description("1 while the venue bans this address (no call is sent until the ban ends)").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, Tags tags, VenueLimiter limiter,
                                ToDoubleFunction<VenueLimiter> value, String description) {
        FunctionCounter.builder(name, limiter, value).tags(tags).description(description).register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("venues").up();
        for (Map.Entry<String, VenueLimiter> venue : clients.limiters().entrySet()) {
            VenueLimiter.Usage usage = venue.getValue().usage();
            if (usage.banned()) {
                response.down().withData(venue.getKey(), "banned until " + usage.bannedUntil());
            }
        }
        return response.build();
    }
}
