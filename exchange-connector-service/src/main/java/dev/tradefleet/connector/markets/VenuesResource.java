package dev.tradefleet.connector.markets;

import dev.tradefleet.connector.VenuesConfig;
import dev.tradefleet.connector.sessions.VenueClients;
import dev.tradefleet.connector.venue.Capability;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The venues the connector trades on, where, and what each does natively (the rest the caller emulates). */
@Path("/connector/venues")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class VenuesResource {

    public record VenueView(String venue, Set<String> environments, Set<Capability> capabilities) {
    }

    @Inject
    VenuesConfig venues;

    @GET
    public List<VenueView> venues() {
        return VenueClients.capabilities().entrySet().stream().map(adapter -> new VenueView(adapter.getKey(),
                        configured(venues.venues().getOrDefault(adapter.getKey(), Map.of())), adapter.getValue()))
                .toList();
    }

    private static Set<String> configured(Map<String, VenuesConfig.Endpoint> environments) {
        Set<String> configured = new TreeSet<>();
        environments.forEach((environment, endpoint) -> endpoint.restUrl().ifPresent(url -> configured.add(environment)));
        return configured;
    }
}
