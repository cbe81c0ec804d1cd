package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.binance.BinanceException;
import dev.tradefleet.paper.venue.PaperConfig;
import dev.tradefleet.paper.venue.Venue;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** The simulation's admin API for tests and demos, behind {@code X-Admin-Key}. */
@Path("/sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimAdminResource {

    public record NewAccount(Map<String, String> balances) {
    }

    @Inject
    Venue venue;
    @Inject
    PaperConfig config;

    /** Opens a paper account with the given balances and returns its API key and secret (shown once). */
    @POST
    @Path("/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Venue.Keys openAccount(@HeaderParam("X-Admin-Key") String adminKey, NewAccount request) {
        requireAdmin(adminKey);
        Map<String, String> balances = request == null || request.balances() == null ? Map.of() : request.balances();
        for (Map.Entry<String, String> balance : balances.entrySet()) {
            if (!balance.getKey().matches("[A-Z0-9]{2,10}") || !balance.getValue().matches("[0-9]{1,12}(\\.[0-9]{1,8})?")) {
                throw BinanceException.badRequest(-1100, "Illegal balance for '" + balance.getKey() + "'.");
            }
        }
        return venue.openAccount(balances);
    }

    @GET
    @Path("/symbols")
    public List<String> symbols(@HeaderParam("X-Admin-Key") String adminKey) {
        requireAdmin(adminKey);
        return venue.symbols().stream().map(s -> s.symbol()).sorted().toList();
    }

    private void requireAdmin(String given) {
        String expected = config.adminKey().orElse(null);
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new BinanceException(401, -2015, "Invalid admin key.");
        }
    }
}
