package dev.tradefleet.orders.placing;

import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.trading.CancelAll;
import dev.tradefleet.contracts.trading.CancelOrder;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TradingIntent;
import dev.tradefleet.contracts.trading.TradingIntents;
import dev.tradefleet.messaging.outbox.Outbox;
import dev.tradefleet.orders.book.Order;
import dev.tradefleet.orders.book.OrderRepository;
import dev.tradefleet.orders.trader.Trader;
import dev.tradefleet.orders.venues.FleetReads;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Places a trader's order: the credential it trades with, the venue's rules for the symbol, prices and balances are
 * read first (with the trader's token), the order is sized and checked, and only then stored with its intent in one
 * transaction (the outbox sends the intent to the connector once that commits). Anything wrong is a 4xx and nothing
 * is stored or sent.
 */
@ApplicationScoped
public class PlacingService {

    static final URI SOURCE = URI.create("/order-service");
    static final String REQUESTED_BY = "order-service";
    /** Ticker reads in flight at once while an account's holdings are valued. */
    private static final int TICKER_READS = 4;

    @Inject
    Pool pool;
    @Inject
    Outbox outbox;
    @Inject
    OrderRepository orders;
    @Inject
    FleetReads reads;

    public Uni<Order> place(Trader trader, PlaceOrderRequest request) {
        OrderSize size = sizeOf(request);
        if (request.type() == PlaceOrderRequest.Type.LIMIT && request.price() == null) {
            throw invalid("price", "a LIMIT order needs a price");
        }
        if (request.type() == PlaceOrderRequest.Type.MARKET && request.price() != null) {
            throw invalid("price", "a MARKET order takes no price: it trades at the market's");
        }
        String exchange = request.exchange().toLowerCase(Locale.ROOT);
        String symbol = request.symbol().toUpperCase(Locale.ROOT);
        return credential(trader, new AccountChoice(exchange, request.environment(), request.label()))
                .flatMap(credential -> rules(trader, credential, exchange, symbol)
                        .flatMap(rules -> sized(trader, credential, rules, request, size)
                                .flatMap(sized -> store(trader, credential, rules, request, sized))));
    }

    private Uni<SymbolRules> rules(Trader trader, FleetReads.Credential credential, String exchange, String symbol) {
        return reads.symbols(trader, exchange, credential.environment())
                .map(found -> rulesOf(found.orElseThrow(() -> ProblemException.notFound("No markets of " + exchange + "/"
                        + credential.environment() + ".")), exchange, symbol));
    }

    private Uni<OrderSizing.Sized> sized(Trader trader, FleetReads.Credential credential, SymbolRules rules, PlaceOrderRequest request,
                                         OrderSize size) {
        return reads.balances(trader, credential.id())
                .flatMap(balances -> prices(trader, credential.exchange(), credential.environment(), rules, balances, size)
                        .map(prices -> sizing(rules, request, size, balances, prices)))
                .onFailure(SizingRefused.class).transform(refused -> invalid(((SizingRefused) refused).field(), refused.getMessage()));
    }

    private static OrderSizing.Sized sizing(SymbolRules rules, PlaceOrderRequest request, OrderSize size, List<FleetReads.Balance> balances,
                                            Map<String, BigDecimal> prices) {
        Map<String, BigDecimal> free = new HashMap<>();
        Map<String, BigDecimal> held = new HashMap<>();
        balances.forEach(balance -> {
            free.merge(balance.asset(), balance.free(), BigDecimal::add);
            held.merge(balance.asset(), balance.total(), BigDecimal::add);
        });
        return OrderSizing.size(rules, request.side(), request.price(), size, prices.get(rules.baseAsset()), free,
                AccountValue.in(rules.quoteAsset(), held, prices));
    }

    /** Asks the venue, through the connector, to cancel one of the trader's orders that may still trade. */
    public Uni<Order> cancel(Trader trader, UUID orderId) {
        return pool.withTransaction(tx -> orders.find(tx, trader, orderId).flatMap(found -> {
            Order order = found.orElseThrow(() -> ProblemException.notFound("No order " + orderId + "."));
            if (!order.open()) {
                throw ProblemException.conflict("order-closed", "Order " + orderId + " is " + order.status() + ": there is nothing to cancel.");
            }
            CancelOrder cancel = new CancelOrder(UUID.randomUUID(), order.credentialId(), trader.userId(), REQUESTED_BY,
                    order.symbol(), order.id());
            return send(tx, cancel).replaceWith(order);
        }));
    }

    /**
     * Asks the venue, through the connector, to cancel every open order of the trader's account on the symbol (those
     * placed elsewhere too, as the venue's own cancel-all does); answers the trader's orders that this will cancel.
     */
    public Uni<List<Order>> cancelAll(Trader trader, AccountChoice account, String symbol) {
        String wanted = symbol.toUpperCase(Locale.ROOT);
        return credential(trader, account).flatMap(credential -> pool.withTransaction(tx ->
                send(tx, new CancelAll(UUID.randomUUID(), credential.id(), trader.userId(), REQUESTED_BY, wanted))
                        .flatMap(ignored -> orders.open(tx, trader, credential.exchange()))
                        .map(open -> open.stream().filter(o -> o.credentialId().equals(credential.id()) && o.symbol().equals(wanted)).toList())));
    }

    /** The balances of the trader's account on an exchange, as the venue reports them now. */
    public Uni<List<FleetReads.Balance>> balances(Trader trader, AccountChoice account) {
        return credential(trader, account).flatMap(credential -> reads.balances(trader, credential.id()));
    }

    /** The trader's one active credential that the choice narrows to (404 for none, 422 for several or a refused key). */
    public Uni<FleetReads.Credential> credential(Trader trader, AccountChoice account) {
        return reads.credentials(trader).map(all -> Credentials.choose(all, account.exchange().toLowerCase(Locale.ROOT),
                account.environment(), account.label()));
    }

    private Uni<Order> store(Trader trader, FleetReads.Credential credential, SymbolRules rules, PlaceOrderRequest request,
                             OrderSizing.Sized sized) {
        UUID id = UUID.randomUUID();
        String symbol = rules.symbol();
        Order order = new Order(id, trader.userId(), credential.id(), credential.exchange(), credential.environment(), symbol,
                rules.baseAsset(), rules.quoteAsset(), request.side().name(),
                request.type().name(), sized.quantity(), sized.price(), "ENTRY", id, null, Order.SUBMITTED, null, null, null,
                BigDecimal.ZERO, BigDecimal.ZERO, null, null);
        PlaceOrder intent = new PlaceOrder(id, credential.id(), trader.userId(), REQUESTED_BY, symbol, request.side(),
                request.type() == PlaceOrderRequest.Type.MARKET ? OrderKind.MARKET : OrderKind.LIMIT, null, sized.quantity(), null,
                sized.price(), null);
        return pool.withTransaction(tx -> orders.insert(tx, order).call(ignored -> send(tx, intent)));
    }

    private Uni<Void> send(SqlClient tx, TradingIntent intent) {
        return outbox.enqueue(tx, Topics.TRADING_INTENTS, intent.credentialId().toString(), TradingIntents.toEvent(SOURCE, intent));
    }

    /**
     * The last prices an order's sizing needs: its own symbol's always (a market order is valued at it), and for a share
     * of the account, those of every other asset held that has a market in the same quote asset.
     */
    private Uni<Map<String, BigDecimal>> prices(Trader trader, String exchange, String environment, SymbolRules rules,
                                                List<FleetReads.Balance> balances, OrderSize size) {
        List<String> assets = new ArrayList<>(List.of(rules.baseAsset()));
        if (size instanceof OrderSize.PortfolioShare) {
            balances.stream().filter(b -> b.total().signum() > 0).map(FleetReads.Balance::asset)
                    .filter(asset -> !asset.equals(rules.quoteAsset()) && !assets.contains(asset)).forEach(assets::add);
        }
        List<Uni<Map.Entry<String, BigDecimal>>> reads = assets.stream()
                .map(asset -> {
                    Uni<Map.Entry<String, BigDecimal>> price = this.reads.lastPrice(trader, exchange, environment, asset + rules.quoteAsset())
                            .map(last -> last.map(value -> Map.entry(asset, value)).orElse(null));
                    // another holding whose price cannot be read now is valued at nothing rather than failing the order
                    return asset.equals(rules.baseAsset()) ? price : price.onFailure().recoverWithNull();
                })
                .toList();
        return Uni.join().all(reads).usingConcurrencyOf(TICKER_READS).andFailFast().map(entries -> {
            Map<String, BigDecimal> prices = new HashMap<>();
            entries.stream().filter(e -> e != null).forEach(e -> prices.put(e.getKey(), e.getValue()));
            if (!prices.containsKey(rules.baseAsset())) {
                throw new ProblemException(503, "no-price", "No price", "Nothing was placed: " + rules.symbol() + " has no last price now.",
                        List.of(), Map.of("Retry-After", "5"));
            }
            return prices;
        });
    }

    private static SymbolRules rulesOf(List<SymbolRules> symbols, String exchange, String symbol) {
        SymbolRules rules = symbols.stream().filter(s -> s.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> invalid("symbol", "Unknown symbol " + symbol + " on " + exchange));
        if (!rules.trading()) {
            throw invalid("symbol", symbol + " is not trading on " + exchange + " now (" + rules.status() + ")");
        }
        return rules;
    }

    private static OrderSize sizeOf(PlaceOrderRequest request) {
        int given = (request.quantity() != null ? 1 : 0) + (request.sizeUsd() != null ? 1 : 0) + (request.sizePct() != null ? 1 : 0);
        if (given != 1) {
            throw invalid("quantity", "give exactly one of quantity, sizeUsd and sizePct");
        }
        return request.quantity() != null ? new OrderSize.Quantity(request.quantity())
                : request.sizeUsd() != null ? new OrderSize.QuoteValue(request.sizeUsd()) : new OrderSize.PortfolioShare(request.sizePct());
    }

    static ProblemException invalid(String field, String detail) {
        return new ProblemException(422, "order-refused", "Order refused", detail, List.of(new Problem.FieldError(field, detail)), Map.of());
    }
}
