package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.binance.BinanceException;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.venue.PaperConfig;
import dev.tradefleet.paper.venue.Venue;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    public record NewPrice(String price) {
    }

    public record MarketView(String symbol, String referencePrice, String lastPrice, boolean paused) {
    }

    @Inject
    Venue venue;
    @Inject
    PaperConfig config;
    @Inject
    MarketSimulator simulator;

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

    /** Lists every market with its reference and last price. */
    @GET
    @Path("/markets")
    public List<MarketView> markets(@HeaderParam("X-Admin-Key") String adminKey) {
        requireAdmin(adminKey);
        return venue.symbols().stream().map(s -> new MarketView(s.symbol(),
                Units.format(simulator.referencePrice(s.symbol())), Units.format(venue.lastPrice(s.symbol())), simulator.paused()))
                .sorted(java.util.Comparator.comparing(MarketView::symbol)).toList();
    }

    /** Sets a market's price now: resting orders it crosses trade, and stop orders trigger, at once. */
    @POST
    @Path("/markets/{symbol}/price")
    @Consumes(MediaType.APPLICATION_JSON)
    public MarketView setPrice(@HeaderParam("X-Admin-Key") String adminKey, @PathParam("symbol") String symbol, NewPrice request) {
        requireAdmin(adminKey);
        if (request == null || request.price() == null || !request.price().matches("[0-9]{1,12}(\\.[0-9]{1,8})?")) {
            throw BinanceException.mandatory("price");
        }
        simulator.setPrice(symbol, Units.of(request.price()));
        return new MarketView(symbol, Units.format(simulator.referencePrice(symbol)), Units.format(venue.lastPrice(symbol)),
                simulator.paused());
    }

    @POST
    @Path("/pause")
    public Map<String, Boolean> pause(@HeaderParam("X-Admin-Key") String adminKey) {
        requireAdmin(adminKey);
        simulator.pause();
        return Map.of("paused", true);
    }

    @POST
    @Path("/resume")
    public Map<String, Boolean> resume(@HeaderParam("X-Admin-Key") String adminKey) {
        requireAdmin(adminKey);
        simulator.resume();
        return Map.of("paused", false);
    }

    private void requireAdmin(String given) {
        String expected = config.adminKey().orElse(null);
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new BinanceException(401, -2015, "Invalid admin key.");
        }
    }
}
