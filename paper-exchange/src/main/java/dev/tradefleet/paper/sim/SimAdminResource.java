package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.binance.BinanceException;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.venue.Venue;
import dev.tradefleet.paper.wallet.PaperWallet;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The simulation's admin API for tests and demos, behind {@code X-Admin-Key}. */
@Path("/sim")
@SimAdmin
@Produces(MediaType.APPLICATION_JSON)
public class SimAdminResource {

    /** {@code venue}: the face whose API the account's key signs for, {@code binance} (the default) or {@code mexc}. */
    public record NewAccount(String venue, Map<String, String> balances) {
    }

    public record NewPrice(String price) {
    }

    /** Funds sent to a paper deposit address from outside the exchange; {@code txId} made up when not given. */
    public record NewDeposit(String address, String coin, String amount, String txId) {
    }

    public record MarketView(String symbol, String referencePrice, String lastPrice, boolean paused) {
    }

    @Inject
    Venue venue;
    @Inject
    MarketSimulator simulator;
    @Inject
    PaperWallet wallet;

    /** Opens a paper account with the given balances and returns its API key and secret (shown once). */
    @POST
    @Path("/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Venue.Keys openAccount(NewAccount request) {
        Map<String, String> balances = request == null || request.balances() == null ? Map.of() : request.balances();
        String face = request == null || request.venue() == null ? "binance" : request.venue();
        if (!face.equals("binance") && !face.equals("mexc")) {
            throw BinanceException.badRequest(-1100, "Illegal venue: binance or mexc.");
        }
        // every balance is checked before the account exists: a refused request opens nothing
        for (Map.Entry<String, String> balance : balances.entrySet()) {
            String amount = balance.getValue();
            if (balance.getKey() == null || !balance.getKey().matches("[A-Z0-9]{2,10}") || amount == null
                    || !amount.matches("[0-9]{1,12}(\\.[0-9]{1,8})?") || amount.matches("[0.]+") || !fitsTheEngine(amount)) {
                throw BinanceException.badRequest(-1100, "Illegal balance for '" + balance.getKey()
                        + "': a positive amount of at most 92233720368.54775807 with at most 8 decimals.");
            }
        }
        return venue.openAccount(Venue.Api.valueOf(face.toUpperCase(Locale.ROOT)), balances);
    }

    private static boolean fitsTheEngine(String amount) {
        try {
            Units.of(amount);
            return true;
        } catch (ArithmeticException | IllegalArgumentException e) {
            return false;
        }
    }

    @GET
    @Path("/symbols")
    public List<String> symbols() {
        return venue.symbols().stream().map(s -> s.symbol()).sorted().toList();
    }

    /** Lists every market with its reference and last price. */
    @GET
    @Path("/markets")
    public List<MarketView> markets() {
        return venue.symbols().stream().map(s -> new MarketView(s.symbol(),
                Units.format(simulator.referencePrice(s.symbol())), Units.format(venue.lastPrice(s.symbol())), simulator.paused()))
                .sorted(java.util.Comparator.comparing(MarketView::symbol)).toList();
    }

    /** Sets a market's price now: resting orders it crosses trade, and stop orders trigger, at once. */
    @POST
    @Path("/markets/{symbol}/price")
    @Consumes(MediaType.APPLICATION_JSON)
    public MarketView setPrice(@PathParam("symbol") String symbol, NewPrice request) {
        if (request == null || request.price() == null || !request.price().matches("[0-9]{1,12}(\\.[0-9]{1,8})?")
                || request.price().matches("[0.]+") || !fitsTheEngine(request.price())) {
            throw BinanceException.mandatory("price");
        }
        simulator.setPrice(symbol, Units.of(request.price()));
        return new MarketView(symbol, Units.format(simulator.referencePrice(symbol)), Units.format(venue.lastPrice(symbol)),
                simulator.paused());
    }

    /** A deposit from outside to a paper deposit address: credited to its account after the transfer delay. */
    @POST
    @Path("/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> deposit(NewDeposit request) {
        if (request == null || request.address() == null || request.coin() == null || request.amount() == null
                || !request.amount().matches("[0-9]{1,12}(\\.[0-9]{1,8})?") || request.amount().matches("[0.]+") || !fitsTheEngine(request.amount())) {
            throw BinanceException.badRequest(-1100, "A deposit needs an address, a coin and a positive amount of at most 8 decimals.");
        }
        String txId = request.txId() == null ? "paper-in-" + java.util.UUID.randomUUID() : request.txId();
        if (txId.length() > 128) {
            throw BinanceException.badRequest(-1100, "txId is at most 128 characters.");
        }
        PaperWallet.Deposit deposit = wallet.receive(request.address(), request.coin(), Units.of(request.amount()), txId);
        return Map.of("id", deposit.id(), "txId", deposit.txId(), "status", deposit.status().name());
    }

    @POST
    @Path("/pause")
    public Map<String, Boolean> pause() {
        simulator.pause();
        return Map.of("paused", true);
    }

    @POST
    @Path("/resume")
    public Map<String, Boolean> resume() {
        simulator.resume();
        return Map.of("paused", false);
    }
}
