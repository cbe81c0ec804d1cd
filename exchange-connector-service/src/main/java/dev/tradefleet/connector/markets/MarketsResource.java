package dev.tradefleet.connector.markets;

import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.MarketData.Candle;
import dev.tradefleet.connector.venue.MarketData.OrderBook;
import dev.tradefleet.connector.venue.MarketData.SymbolInfo;
import dev.tradefleet.connector.venue.MarketData.Ticker;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Markets per venue and environment for every signed-in caller: symbols with their filters, a symbol's ticker,
 * order book and candles. Answers come from {@link Markets} (cached and coalesced); a symbol the venue does not
 * list is 404 and never asked of the venue; a symbol asked about is watched ({@link TickerPublisher}).
 */
@Path("/connector/markets/{venue}/{environment}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MarketsResource {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Set<Integer> DEPTHS = Set.of(5, 10, 20, 50, 100);
    private static final int MAX_CANDLES = 1000;

    @Inject
    Markets markets;
    @Inject
    TickerPublisher tickers;

    @GET
    @Path("/symbols")
    public Uni<List<SymbolInfo>> symbols(@PathParam("venue") String venue, @PathParam("environment") String environment) {
        requireVenue(venue, environment);
        return answer(() -> markets.symbols(venue, environment));
    }

    @GET
    @Path("/symbols/{symbol}/ticker")
    public Uni<Ticker> ticker(@PathParam("venue") String venue, @PathParam("environment") String environment,
                              @PathParam("symbol") String symbol) {
        return listed(venue, environment, symbol).flatMap(ok -> answer(() -> markets.ticker(venue, environment, symbol)));
    }

    @GET
    @Path("/symbols/{symbol}/book")
    public Uni<OrderBook> book(@PathParam("venue") String venue, @PathParam("environment") String environment,
                               @PathParam("symbol") String symbol, @QueryParam("depth") @DefaultValue("20") String depth) {
        int levels = number("depth", depth, 1, 100);
        if (!DEPTHS.contains(levels)) {
            throw invalid("depth", "must be one of 5, 10, 20, 50, 100");
        }
        return listed(venue, environment, symbol).flatMap(ok -> answer(() -> markets.book(venue, environment, symbol, levels)));
    }

    @GET
    @Path("/symbols/{symbol}/candles")
    public Uni<List<Candle>> candles(@PathParam("venue") String venue, @PathParam("environment") String environment,
                                     @PathParam("symbol") String symbol, @QueryParam("interval") @DefaultValue("1h") String interval,
                                     @QueryParam("limit") @DefaultValue("100") String limit) {
        if (!MarketData.INTERVALS.contains(interval)) {
            throw invalid("interval", "must be one of " + String.join(", ", MarketData.INTERVALS));
        }
        int count = number("limit", limit, 1, MAX_CANDLES);
        return listed(venue, environment, symbol)
                .flatMap(ok -> answer(() -> markets.candles(venue, environment, symbol, interval, count)));
    }

    private void requireVenue(String venue, String environment) {
        if (!markets.configured(venue, environment)) {
            throw ProblemException.notFound("no venue " + venue + "/" + environment);
        }
    }

    /** Completes when the venue lists {@code symbol}; 404 otherwise, without asking the venue about it. */
    private Uni<Void> listed(String venue, String environment, String symbol) {
        requireVenue(venue, environment);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw invalid("symbol", "must be 2 to 20 capital letters and digits, e.g. BTCUSDT");
        }
        return answer(() -> markets.symbol(venue, environment, symbol)).map(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound(venue + "/" + environment + " lists no symbol " + symbol);
            }
            // someone looks at this market: its tickers flow on market.tickers.v1 for a while
            tickers.watch(new MarketId(venue, environment, symbol));
            return null;
        });
    }

    private static <T> Uni<T> answer(Supplier<CompletableFuture<T>> call) {
        return Uni.createFrom().completionStage(call).onFailure().transform(VenueProblems::of);
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw invalid(field, "must be a whole number from " + min + " to " + max);
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("The request has an invalid " + field + ".", List.of(new Problem.FieldError(field, message)));
    }
}
