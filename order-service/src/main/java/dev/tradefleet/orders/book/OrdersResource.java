package dev.tradefleet.orders.book;

import dev.tradefleet.orders.lists.ListQuery;
import dev.tradefleet.orders.placing.AccountChoice;
import dev.tradefleet.orders.placing.PlaceOrderRequest;
import dev.tradefleet.orders.positions.HoldingsService;
import dev.tradefleet.orders.placing.PlacingService;
import dev.tradefleet.orders.trader.Trader;
import dev.tradefleet.orders.venues.FleetReads;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The earlier system's unified exchange endpoints (seed 004) that act on orders, under the gateway's {@code /api}:
 * placing, cancelling and listing the caller's orders. Answers keep its {@code {"status": "Success", "data": …}}
 * envelope.
 */
@Path("/exchanges")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
@RequestScoped
public class OrdersResource {

    /** The earlier system's answer envelope. */
    public record Answer<T>(String status, T data) {
        static <T> Answer<T> success(T data) {
            return new Answer<>("Success", data);
        }
    }

    @Inject
    Trader trader;
    @Inject
    PlacingService placing;
    @Inject
    OrderRepository orders;
    @Inject
    Pool pool;
    @Inject
    HoldingsService holdings;

    @POST
    @Path("/place-order")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> place(@Valid @NotNull PlaceOrderRequest request) {
        return placing.place(trader, request).map(order -> Response.created(URI.create("/exchanges/orders/" + order.id()))
                .entity(Answer.success(OrderView.of(order))).build());
    }

    /** Asks for the order to be cancelled: it shows CANCELLED once the venue has done it. */
    @DELETE
    @Path("/cancel-order")
    public Uni<Response> cancel(@QueryParam("orderId") @NotNull UUID orderId) {
        return placing.cancel(trader, orderId).map(order -> Response.accepted(Answer.success(OrderView.of(order))).build());
    }

    /** Asks for every open order of the account on the symbol to be cancelled; answers the trader's orders it will cancel. */
    @DELETE
    @Path("/cancel-all-orders")
    public Uni<Response> cancelAll(
            @QueryParam("exchange") @NotNull @Pattern(regexp = PlaceOrderRequest.EXCHANGES, message = PlaceOrderRequest.EXCHANGES_MESSAGE)
            String exchange,
            @QueryParam("environment") @Pattern(regexp = PlaceOrderRequest.ENVIRONMENTS, message = PlaceOrderRequest.ENVIRONMENTS_MESSAGE)
            String environment,
            @QueryParam("label") @Size(min = 1, max = 64) String label,
            @QueryParam("symbol") @NotNull @Pattern(regexp = PlaceOrderRequest.SYMBOL, message = PlaceOrderRequest.SYMBOL_MESSAGE)
            String symbol) {
        return placing.cancelAll(trader, new AccountChoice(exchange, environment, label), symbol)
                .map(orders -> Response.accepted(Answer.success(orders.stream().map(OrderView::of).toList())).build());
    }

    /** The account's balances on the exchange, in the earlier system's shape: free, locked and their total per asset. */
    @GET
    @Path("/balance")
    public Uni<Answer<List<BalanceView>>> balance(
            @QueryParam("exchange") @NotNull @Pattern(regexp = PlaceOrderRequest.EXCHANGES, message = PlaceOrderRequest.EXCHANGES_MESSAGE)
            String exchange,
            @QueryParam("environment") @Pattern(regexp = PlaceOrderRequest.ENVIRONMENTS, message = PlaceOrderRequest.ENVIRONMENTS_MESSAGE)
            String environment,
            @QueryParam("label") @Size(min = 1, max = 64) String label) {
        return placing.balances(trader, new AccountChoice(exchange, environment, label)).map(balances -> Answer.success(balances.stream()
                .filter(b -> b.total().signum() != 0)
                .sorted(Comparator.comparing(FleetReads.Balance::asset))
                .map(b -> new BalanceView(b.asset(), b.free(), b.locked(), b.total())).toList()));
    }

    public record BalanceView(String asset, BigDecimal free, BigDecimal locked, BigDecimal total) {
    }

    /** What the account holds, valued in USDT where the venue has a USDT market for it, and the value of all of it. */
    public record Holdings(List<HoldingsService.Holding> holdings, BigDecimal totalValueUsdt) {
    }

    @GET
    @Path("/open-positions")
    public Uni<Answer<Holdings>> openPositions(
            @QueryParam("exchange") @NotNull @Pattern(regexp = PlaceOrderRequest.EXCHANGES, message = PlaceOrderRequest.EXCHANGES_MESSAGE)
            String exchange,
            @QueryParam("environment") @Pattern(regexp = PlaceOrderRequest.ENVIRONMENTS, message = PlaceOrderRequest.ENVIRONMENTS_MESSAGE)
            String environment,
            @QueryParam("label") @Size(min = 1, max = 64) String label) {
        return holdings.holdings(trader, new AccountChoice(exchange, environment, label)).map(held -> Answer.success(new Holdings(held,
                held.stream().map(HoldingsService.Holding::valueUsdt).filter(value -> value != null).reduce(BigDecimal.ZERO, BigDecimal::add))));
    }

    @GET
    @Path("/open-orders")
    public Uni<Answer<List<OrderView>>> open(
            @QueryParam("exchange") @Pattern(regexp = PlaceOrderRequest.EXCHANGES, message = PlaceOrderRequest.EXCHANGES_MESSAGE)
            String exchange) {
        return orders.open(pool, trader, exchange == null ? null : exchange.toLowerCase(Locale.ROOT))
                .map(open -> Answer.success(open.stream().map(OrderView::of).toList()));
    }

    /** The order history: the trader's orders newest first, narrowed by exchange, symbol, status and creation time, a page at a time. */
    public static final class OrderQuery extends ListQuery {
        @QueryParam("exchange") @Pattern(regexp = PlaceOrderRequest.EXCHANGES, message = PlaceOrderRequest.EXCHANGES_MESSAGE)
        String exchange;
        @QueryParam("symbol") @Pattern(regexp = PlaceOrderRequest.SYMBOL, message = PlaceOrderRequest.SYMBOL_MESSAGE)
        String symbol;
        @QueryParam("status") @Pattern(regexp = "(?i)SUBMITTED|UNKNOWN|ACCEPTED|PARTIALLY_FILLED|FILLED|CANCELLED|REJECTED|EXPIRED",
                message = "must be an order status such as FILLED")
        String status;
    }

    /** A page of the order history, and how many orders match in all. */
    public record OrderPage(List<OrderView> orders, long total, long page, int size) {
    }

    @GET
    @Path("/orders")
    public Uni<Answer<OrderPage>> history(@Valid @BeanParam OrderQuery query) {
        return orders.history(pool, trader, query.exchange == null ? null : query.exchange.toLowerCase(Locale.ROOT),
                        query.symbol == null ? null : query.symbol.toUpperCase(Locale.ROOT),
                        query.status == null ? null : query.status.toUpperCase(Locale.ROOT), query.after(), query.before(), query.first(),
                        query.count())
                .map(page -> Answer.success(new OrderPage(page.orders().stream().map(OrderView::of).toList(), page.total(),
                        query.first() / query.count(), query.count())));
    }

    @GET
    @Path("/orders/{id}")
    public Uni<Answer<OrderView>> get(@PathParam("id") UUID id) {
        return orders.find(pool, trader, id).flatMap(found -> {
            Order order = found.orElseThrow(() -> ProblemException.notFound("No order " + id + "."));
            return orders.fills(pool, trader, id).map(fills -> Answer.success(OrderView.of(order, fills)));
        });
    }
}
