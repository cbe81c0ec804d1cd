package dev.tradefleet.paper.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The paper exchange's matching engine: price-time priority per symbol, partial fills, self-trade prevention
 * (EXPIRE_TAKER), LIMIT (GTC/IOC/FOK), MARKET (by quantity or by quote amount), LIMIT_MAKER, STOP_LOSS_LIMIT
 * and TAKE_PROFIT_LIMIT triggered by the last trade price, and OCO lists. Accounts hold free and locked
 * balances; placing locks, fills settle both sides and charge each the maker or taker fee, ending or
 * cancelling releases what is left. Not thread-safe: one thread owns an engine (callers serialise).
 */
public final class MatchingEngine {

    /** What one request did: the order it concerned, the trades, and every order whose state changed. */
    public record Result(OrderView order, List<Fill> fills, List<OrderView> updates) {
    }

    public record OcoResult(long orderListId, String listClientOrderId, List<OrderView> orders, List<Fill> fills,
                            List<OrderView> updates) {
    }

    public record Level(long price, long quantity) {
    }

    /** An order list (OCO) as it stands: its legs, in Binance's order (below, above for a SELL). */
    public record ListView(long orderListId, String listClientOrderId, String symbol, long account, List<OrderView> orders) {

        public boolean done() {
            return orders.stream().allMatch(o -> o.status().isFinal());
        }
    }

    public record Depth(List<Level> bids, List<Level> asks) {
    }

    private static final int HISTORY = 100_000;
    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    private final long makerFeePpm;
    private final long takerFeePpm;
    private final LongSupplier clock;
    private final Map<String, OrderBook> books = new HashMap<>();
    private final Map<Long, Map<String, Balance>> accounts = new HashMap<>();
    private final Map<String, Long> feesCollected = new HashMap<>();
    private final Map<String, Long> deposited = new HashMap<>();
    private final Map<Long, Order> open = new HashMap<>();
    private final Map<Long, Map<String, Order>> openByClientId = new HashMap<>();
    private final Map<Long, Order> history = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Order> eldest) {
            return size() > HISTORY;
        }
    };
    private final Map<Long, OcoList> lists = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, OcoList> eldest) {
            return size() > HISTORY;
        }
    };
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    private long nextListId = 1;
    private long generatedClientIds;
    private List<Fill> fills = new ArrayList<>();
    private List<OrderView> updates = new ArrayList<>();

    /** Fees in parts per million of what each side receives (Binance's default 0.1% is 1000). */
    public MatchingEngine(long makerFeePpm, long takerFeePpm, LongSupplier clock) {
        this.makerFeePpm = makerFeePpm;
        this.takerFeePpm = takerFeePpm;
        this.clock = clock;
    }

    public void addSymbol(SymbolSpec spec) {
        books.putIfAbsent(spec.symbol(), new OrderBook(spec));
    }

    public List<SymbolSpec> symbols() {
        return books.values().stream().map(b -> b.spec).toList();
    }

    public SymbolSpec spec(String symbol) {
        return book(symbol).spec;
    }

    public void deposit(long account, String asset, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("a deposit is positive");
        }
        balance(account, asset).free += units;
        deposited.merge(asset, units, Long::sum);
    }

    /**
     * Funds leaving the venue from the account's free balance: {@code units} sent away (no longer deposited here) and
     * {@code feeUnits} kept as the venue's fee. Refused whole when the free balance does not cover both.
     */
    public void withdraw(long account, String asset, long units, long feeUnits) {
        if (units <= 0 || feeUnits < 0) {
            throw new IllegalArgumentException("a withdrawal is positive and its fee is not negative");
        }
        Balance b = balance(account, asset);
        if (b.free < units || b.free - units < feeUnits) {
            throw new Rejection(Rejection.INSUFFICIENT_BALANCE, "User has insufficient balance.");
        }
        b.free -= units + feeUnits;
        deposited.merge(asset, -units, Long::sum);
        feesCollected.merge(asset, feeUnits, Long::sum);
    }

    /** A copy of the account's balances by asset. */
    public Map<String, long[]> balances(long account) {
        Map<String, long[]> copy = new HashMap<>();
        accounts.getOrDefault(account, Map.of()).forEach((asset, b) -> copy.put(asset, new long[] {b.free, b.locked}));
        return copy;
    }

    public long free(long account, String asset) {
        return balance(account, asset).free;
    }

    public long locked(long account, String asset) {
        return balance(account, asset).locked;
    }

    public long lastPrice(String symbol) {
        return book(symbol).lastPrice;
    }

    // ------------------------------------------------------------------------------------------ placing

    public Result place(NewOrder request) {
        OrderBook book = book(request.symbol());
        begin();
        Order order = newOrder(book, request);
        if (request.type().isStop()) {
            book.stops.add(order);
            updates.add(order.view());
        } else {
            execute(book, order);
            processTriggers(book);
        }
        return new Result(order.view(), fills, updates);
    }

    private Order newOrder(OrderBook book, NewOrder r) {
        SymbolSpec spec = book.spec;
        requireFreshClientId(r.account(), r.clientOrderId());
        if (r.side() == null || r.type() == null) {
            throw new Rejection(Rejection.INVALID_PARAMETER, "Mandatory parameter 'side' or 'type' was not sent, was empty/null, or malformed.");
        }
        long lock;
        switch (r.type()) {
            case LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT -> {
                if (r.type() != OrderType.LIMIT_MAKER && r.timeInForce() == null) {
                    throw new Rejection(Rejection.INVALID_PARAMETER, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.");
                }
                spec.checkPrice(r.price());
                spec.checkQuantity(r.quantity());
                spec.checkNotional(r.price(), r.quantity());
                if (r.type() == OrderType.LIMIT_MAKER && book.crosses(r.side(), r.price())) {
                    throw new Rejection(Rejection.NEW_ORDER_REJECTED, "Order would immediately match and take.");
                }
                if (r.type().isStop()) {
                    spec.checkPrice(r.stopPrice());
                    if (book.lastPrice > 0 && OrderBook.triggers(r.type(), r.side(), r.stopPrice(), book.lastPrice)) {
                        throw new Rejection(Rejection.NEW_ORDER_REJECTED, "Order would trigger immediately.");
                    }
                }
                lock = r.side() == Side.BUY ? spec.notional(r.price(), r.quantity()) : r.quantity();
            }
            case MARKET -> {
                if ((r.quantity() > 0) == (r.quoteOrderQty() > 0)) {
                    throw new Rejection(Rejection.INVALID_PARAMETER, "Param 'quantity' or 'quoteOrderQty' must be sent, but not both.");
                }
                if (r.quantity() > 0) {
                    spec.checkQuantity(r.quantity());
                    lock = r.side() == Side.SELL ? r.quantity() : sweep(book, r.account(), Side.BUY, r.quantity(), UNBOUNDED)[1];
                } else {
                    lock = r.side() == Side.BUY ? r.quoteOrderQty() : sweep(book, r.account(), Side.SELL, UNBOUNDED, r.quoteOrderQty())[0];
                }
            }
            default -> throw new Rejection(Rejection.INVALID_PARAMETER, "Unsupported order type.");
        }
        long quantity = r.type() == OrderType.MARKET && r.quoteOrderQty() > 0 ? UNBOUNDED : r.quantity();
        Order order = new Order(nextOrderId++, r.account(), clientId(r.clientOrderId()), spec, r.side(), r.type(),
                r.timeInForce() == null ? TimeInForce.GTC : r.timeInForce(), r.price(), r.stopPrice(), quantity,
                r.quoteOrderQty(), clock.getAsLong());
        lockFunds(order, lock);
        register(order);
        return order;
    }

    /**
     * What a market order would trade against now, without trading: {quantity, quote}. Walks the opposite side
     * up to {@code maxQuantity} or {@code maxQuote}, stopping at the account's own first order (self-trade).
     */
    private long[] sweep(OrderBook book, long account, Side side, long maxQuantity, long maxQuote) {
        long quantity = 0;
        long quote = 0;
        for (PriceLevel level : book.side(side.opposite()).values()) {
            for (Order maker = level.head; maker != null; maker = maker.next) {
                if (maker.account == account) {
                    return new long[] {quantity, quote};
                }
                long take = Math.min(maker.remaining(), maxQuantity - quantity);
                if (maxQuote < UNBOUNDED) {
                    take = Math.min(take, book.spec.quantityFor(maxQuote - quote, level.price));
                }
                if (take <= 0) {
                    return new long[] {quantity, quote};
                }
                quantity += take;
                quote += book.spec.notional(level.price, take);
            }
        }
        return new long[] {quantity, quote};
    }

    private void lockFunds(Order order, long amount) {
        Balance balance = balance(order.account, order.lockedAsset());
        if (amount < 0 || balance.free < amount) {
            throw Rejection.insufficientBalance();
        }
        balance.free -= amount;
        balance.locked += amount;
        order.locked = amount;
    }

    /** Matches a new (or just triggered) order, then rests, expires or fills it. */
    private void execute(OrderBook book, Order taker) {
        if (taker.timeInForce == TimeInForce.FOK && taker.type != OrderType.MARKET) {
            long available = sweepUpTo(book, taker);
            if (available < taker.remaining()) {
                expire(taker, OrderStatus.EXPIRED);
                return;
            }
        }
        match(book, taker);
        if (taker.status.isFinal()) {
            finish(taker);
            return;
        }
        boolean rests = (taker.type == OrderType.LIMIT || taker.type == OrderType.LIMIT_MAKER || taker.type.isStop())
                && taker.timeInForce == TimeInForce.GTC;
        if (taker.remaining() > 0 && rests) {
            book.rest(taker);
            taker.updatedAt = clock.getAsLong();
            updates.add(taker.view());
            return;
        }
        if (taker.remaining() > 0 && taker.quoteOrderQty == 0) {
            expire(taker, OrderStatus.EXPIRED);
            return;
        }
        // a market order by quote amount is done when its amount (or the book) is spent
        taker.status = taker.executedQty > 0 ? OrderStatus.FILLED : OrderStatus.EXPIRED;
        finish(taker);
    }

    /** How much of {@code taker} could trade at its limit right now (for FOK). */
    private long sweepUpTo(OrderBook book, Order taker) {
        long quantity = 0;
        for (PriceLevel level : book.side(taker.side.opposite()).values()) {
            if (taker.side == Side.BUY ? level.price > taker.price : level.price < taker.price) {
                break;
            }
            for (Order maker = level.head; maker != null; maker = maker.next) {
                if (maker.account == taker.account) {
                    return quantity;
                }
                quantity += maker.remaining();
                if (quantity >= taker.remaining()) {
                    return quantity;
                }
            }
        }
        return quantity;
    }

    private void match(OrderBook book, Order taker) {
        var opposite = book.side(taker.side.opposite());
        boolean isMarket = taker.type == OrderType.MARKET;
        while (taker.remaining() > 0) {
            var best = opposite.firstEntry();
            if (best == null) {
                break;
            }
            long price = best.getKey();
            if (!isMarket && (taker.side == Side.BUY ? price > taker.price : price < taker.price)) {
                break;
            }
            PriceLevel level = best.getValue();
            Order maker = level.head;
            if (maker.account == taker.account) {
                // self-trade prevention, EXPIRE_TAKER: the rest of the incoming order expires
                taker.status = OrderStatus.EXPIRED_IN_MATCH;
                return;
            }
            long quantity = Math.min(taker.remaining(), maker.remaining());
            if (taker.quoteOrderQty > 0) {
                long quoteLeft = taker.quoteOrderQty - taker.cumulativeQuote;
                quantity = Math.min(quantity, book.spec.quantityFor(quoteLeft, price));
                if (taker.side == Side.SELL) {
                    quantity = Math.min(quantity, taker.locked);
                }
                if (quantity <= 0) {
                    return;
                }
            }
            if (isMarket && taker.side == Side.BUY && taker.quoteOrderQty == 0 && book.spec.notional(price, quantity) > taker.locked) {
                // the book moved since the order was priced: buy only what the lock still pays for
                quantity = Math.min(quantity, book.spec.quantityFor(taker.locked, price));
                if (quantity <= 0) {
                    return;
                }
            }
            trade(book, taker, maker, price, quantity);
            level.totalQuantity -= quantity;
            if (maker.remaining() == 0) {
                book.unrest(maker);
                maker.status = OrderStatus.FILLED;
                finish(maker);
            }
            updates.add(maker.view());
        }
    }

    private void trade(OrderBook book, Order taker, Order maker, long price, long quantity) {
        SymbolSpec spec = book.spec;
        long quote = spec.notional(price, quantity);
        Order buy = taker.side == Side.BUY ? taker : maker;
        Order sell = taker.side == Side.SELL ? taker : maker;
        boolean buyerIsMaker = maker == buy;
        long buyerCommission = Units.fraction(quantity, buyerIsMaker ? makerFeePpm : takerFeePpm);
        long sellerCommission = Units.fraction(quote, buyerIsMaker ? takerFeePpm : makerFeePpm);
        activateLeg(buy);
        activateLeg(sell);

        buy.locked -= quote;
        balance(buy.account, spec.quoteAsset()).locked -= quote;
        balance(buy.account, spec.baseAsset()).free += quantity - buyerCommission;
        sell.locked -= quantity;
        balance(sell.account, spec.baseAsset()).locked -= quantity;
        balance(sell.account, spec.quoteAsset()).free += quote - sellerCommission;
        feesCollected.merge(spec.baseAsset(), buyerCommission, Long::sum);
        feesCollected.merge(spec.quoteAsset(), sellerCommission, Long::sum);

        long now = clock.getAsLong();
        for (Order o : new Order[] {taker, maker}) {
            o.executedQty += quantity;
            o.cumulativeQuote += quote;
            o.status = o.remaining() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            o.updatedAt = now;
        }
        book.lastPrice = price;
        fills.add(new Fill(nextTradeId++, spec.symbol(), price, quantity, quote, taker.id, maker.id, buy.account, sell.account,
                buyerIsMaker, buyerCommission, sellerCommission, now));
    }

    /** A stop that triggers: the last price reached it. Triggered orders trade as limit orders; cascades follow. */
    private void processTriggers(OrderBook book) {
        boolean again = !book.stops.isEmpty();
        while (again) {
            again = false;
            List<Order> triggered = new ArrayList<>();
            for (Iterator<Order> it = book.stops.iterator(); it.hasNext(); ) {
                Order stop = it.next();
                if (book.lastPrice > 0 && OrderBook.triggers(stop.type, stop.side, stop.stopPrice, book.lastPrice)) {
                    it.remove();
                    triggered.add(stop);
                }
            }
            for (Order stop : triggered) {
                if (stop.status.isFinal()) {
                    continue;
                }
                long lastBefore = book.lastPrice;
                activateLeg(stop);
                stop.updatedAt = clock.getAsLong();
                execute(book, stop);
                updates.add(stop.view());
                again |= book.lastPrice != lastBefore && !book.stops.isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ OCO

    public OcoResult placeOco(NewOco r) {
        OrderBook book = book(r.symbol());
        SymbolSpec spec = book.spec;
        begin();
        boolean sell = r.side() == Side.SELL;
        NewOco.Leg stopLeg = sell ? r.below() : r.above();
        NewOco.Leg limitLeg = sell ? r.above() : r.below();
        if (stopLeg.type() != OrderType.STOP_LOSS_LIMIT
                || (limitLeg.type() != OrderType.LIMIT_MAKER && limitLeg.type() != OrderType.TAKE_PROFIT_LIMIT)) {
            throw new Rejection(Rejection.INVALID_PARAMETER, "OCO: one leg must be STOP_LOSS_LIMIT, the other LIMIT_MAKER or TAKE_PROFIT_LIMIT.");
        }
        long abovePrice = r.above().type() == OrderType.LIMIT_MAKER ? r.above().price() : r.above().stopPrice();
        long belowPrice = r.below().type() == OrderType.LIMIT_MAKER ? r.below().price() : r.below().stopPrice();
        boolean ordered = abovePrice > belowPrice
                && (book.lastPrice == 0 || (abovePrice > book.lastPrice && book.lastPrice > belowPrice));
        if (!ordered) {
            throw new Rejection(Rejection.NEW_ORDER_REJECTED, "The relationship of the prices for the orders is not correct.");
        }
        requireFreshClientId(r.account(), r.above().clientOrderId());
        requireFreshClientId(r.account(), r.below().clientOrderId());
        for (NewOco.Leg leg : List.of(r.above(), r.below())) {
            spec.checkPrice(leg.price());
            if (leg.type().isStop()) {
                spec.checkPrice(leg.stopPrice());
            }
            spec.checkNotional(leg.price(), r.quantity());
        }
        spec.checkQuantity(r.quantity());
        if (limitLeg.type() == OrderType.LIMIT_MAKER && book.crosses(r.side(), limitLeg.price())) {
            throw new Rejection(Rejection.NEW_ORDER_REJECTED, "Order would immediately match and take.");
        }
        long lock = sell ? r.quantity()
                : Math.max(spec.notional(r.above().price(), r.quantity()), spec.notional(r.below().price(), r.quantity()));

        OcoList list = new OcoList(nextListId++, clientId(r.listClientOrderId()));
        Order limit = legOrder(spec, r, limitLeg);
        Order stop = legOrder(spec, r, stopLeg);
        lockFunds(limit, lock);
        for (Order leg : new Order[] {limit, stop}) {
            leg.list = list;
            register(leg);
        }
        limit.sibling = stop;
        stop.sibling = limit;
        list.legs[0] = sell ? stop : limit;
        list.legs[1] = sell ? limit : stop;
        lists.put(list.id, list);
        if (limit.type == OrderType.LIMIT_MAKER) {
            book.rest(limit);
        } else {
            book.stops.add(limit);
        }
        book.stops.add(stop);
        updates.add(limit.view());
        updates.add(stop.view());
        return new OcoResult(list.id, list.clientListId, List.of(list.legs[0].view(), list.legs[1].view()), fills, updates);
    }

    private Order legOrder(SymbolSpec spec, NewOco r, NewOco.Leg leg) {
        return new Order(nextOrderId++, r.account(), clientId(leg.clientOrderId()), spec, r.side(), leg.type(),
                leg.timeInForce() == null ? TimeInForce.GTC : leg.timeInForce(), leg.price(), leg.stopPrice(), r.quantity(), 0,
                clock.getAsLong());
    }

    /** The first leg of an OCO to trade or trigger takes the list's lock and cancels the other. */
    private void activateLeg(Order leg) {
        Order other = leg.sibling;
        if (other == null) {
            return;
        }
        leg.sibling = null;
        other.sibling = null;
        if (leg.locked == 0) {
            leg.locked = other.locked;
            other.locked = 0;
        }
        if (!other.status.isFinal()) {
            removeFromBook(book(other.spec.symbol()), other);
            other.status = OrderStatus.CANCELED;
            other.updatedAt = clock.getAsLong();
            finish(other);
            updates.add(other.view());
        }
    }

    // ------------------------------------------------------------------------------------------ cancelling

    /** Cancels an open order by id, or by client order id when {@code orderId} is 0. An OCO leg cancels its list. */
    public Result cancel(long account, String symbol, long orderId, String clientOrderId) {
        OrderBook book = book(symbol);
        begin();
        Order order = orderId > 0 ? open.get(orderId)
                : openByClientId.getOrDefault(account, Map.of()).get(clientOrderId);
        if (order == null || order.account != account || !order.spec.symbol().equals(symbol)) {
            throw new Rejection(Rejection.CANCEL_REJECTED, "Unknown order sent.");
        }
        Order sibling = order.sibling;
        cancelOne(book, order);
        if (sibling != null) {
            cancelOne(book, sibling);
        }
        return new Result(order.view(), fills, updates);
    }

    /** Cancels every open order of the account on the symbol. */
    public List<OrderView> cancelAll(long account, String symbol) {
        OrderBook book = book(symbol);
        begin();
        List<Order> mine = open.values().stream()
                .filter(o -> o.account == account && o.spec.symbol().equals(symbol)).toList();
        for (Order order : mine) {
            if (!order.status.isFinal()) {
                cancelOne(book, order);
            }
        }
        return updates;
    }

    private void cancelOne(OrderBook book, Order order) {
        removeFromBook(book, order);
        order.sibling = null;
        order.status = OrderStatus.CANCELED;
        order.updatedAt = clock.getAsLong();
        finish(order);
        updates.add(order.view());
    }

    private void removeFromBook(OrderBook book, Order order) {
        if (order.level != null) {
            book.unrest(order);
        } else {
            book.stops.remove(order);
        }
    }

    private void expire(Order order, OrderStatus status) {
        order.status = status;
        order.updatedAt = clock.getAsLong();
        finish(order);
    }

    /** An order reached a final state: give back what it still locks and stop tracking it as open. */
    private void finish(Order order) {
        if (order.locked > 0) {
            Balance balance = balance(order.account, order.lockedAsset());
            balance.locked -= order.locked;
            balance.free += order.locked;
            order.locked = 0;
        }
        if (open.remove(order.id) != null) {
            Map<String, Order> byClient = openByClientId.get(order.account);
            if (byClient != null) {
                byClient.remove(order.clientOrderId);
            }
        }
        history.put(order.id, order);
    }

    // ------------------------------------------------------------------------------------------ queries

    public OrderView order(long account, String symbol, long orderId, String clientOrderId) {
        Order order = orderId > 0 ? open.getOrDefault(orderId, history.get(orderId)) : findByClientId(account, clientOrderId);
        if (order == null || order.account != account || !order.spec.symbol().equals(symbol)) {
            throw new Rejection(Rejection.NO_SUCH_ORDER, "Order does not exist.");
        }
        return order.view();
    }

    private Order findByClientId(long account, String clientOrderId) {
        Order live = openByClientId.getOrDefault(account, Map.of()).get(clientOrderId);
        if (live != null) {
            return live;
        }
        for (Order o : history.values()) {
            if (o.account == account && o.clientOrderId.equals(clientOrderId)) {
                return o;
            }
        }
        return null;
    }

    /** The account's orders on the symbol, open or recent, oldest first, from {@code fromId} on, at most {@code limit}. */
    public List<OrderView> orders(long account, String symbol, long fromId, int limit) {
        book(symbol);
        java.util.TreeMap<Long, Order> mine = new java.util.TreeMap<>();
        for (Map<Long, Order> source : List.of(history, open)) {
            for (Order o : source.values()) {
                if (o.account == account && o.spec.symbol().equals(symbol) && o.id >= fromId) {
                    mine.put(o.id, o);
                }
            }
        }
        List<OrderView> views = new ArrayList<>();
        for (Order o : mine.values()) {
            if (views.size() == limit) {
                break;
            }
            views.add(o.view());
        }
        return views;
    }

    public ListView orderList(long account, long orderListId, String listClientOrderId) {
        OcoList list = orderListId > 0 ? lists.get(orderListId) : lists.values().stream()
                .filter(l -> l.clientListId.equals(listClientOrderId) && l.legs[0].account == account).findFirst().orElse(null);
        if (list == null || list.legs[0].account != account) {
            throw new Rejection(Rejection.NO_SUCH_ORDER, "Order list does not exist.");
        }
        return view(list);
    }

    public List<ListView> openOrderLists(long account) {
        return lists.values().stream().filter(l -> l.legs[0].account == account).map(MatchingEngine::view)
                .filter(l -> !l.done()).toList();
    }

    /** Cancels both legs of the account's order list. */
    public ListView cancelOrderList(long account, String symbol, long orderListId) {
        ListView list = orderList(account, orderListId, null);
        if (!list.symbol().equals(symbol) || list.done()) {
            throw new Rejection(Rejection.CANCEL_REJECTED, "Unknown order list sent.");
        }
        cancel(account, symbol, list.orders().stream().filter(o -> !o.status().isFinal()).findFirst().orElseThrow().orderId(), null);
        return orderList(account, orderListId, null);
    }

    private static ListView view(OcoList list) {
        return new ListView(list.id, list.clientListId, list.legs[0].spec.symbol(), list.legs[0].account,
                List.of(list.legs[0].view(), list.legs[1].view()));
    }

    public List<OrderView> openOrders(long account, String symbol) {
        return open.values().stream()
                .filter(o -> o.account == account && (symbol == null || o.spec.symbol().equals(symbol)))
                .sorted(java.util.Comparator.comparingLong(o -> o.id))
                .map(Order::view).toList();
    }

    public Depth depth(String symbol, int limit) {
        OrderBook book = book(symbol);
        return new Depth(levels(book.bids, limit), levels(book.asks, limit));
    }

    private static List<Level> levels(Map<Long, PriceLevel> side, int limit) {
        List<Level> levels = new ArrayList<>();
        for (PriceLevel level : side.values()) {
            if (levels.size() == limit) {
                break;
            }
            levels.add(new Level(level.price, level.totalQuantity));
        }
        return levels;
    }

    // ------------------------------------------------------------------------------------------ invariants

    /**
     * Checks everything that must always hold and says what does not: no book is crossed, no balance is
     * negative, each account's locked balance equals what its open orders lock, and for every asset the sum of
     * all balances plus the fees collected equals what was deposited. Empty when all is well.
     */
    public List<String> audit() {
        List<String> problems = new ArrayList<>();
        for (OrderBook book : books.values()) {
            var bid = book.bids.firstEntry();
            var ask = book.asks.firstEntry();
            if (bid != null && ask != null && bid.getKey() >= ask.getKey()) {
                problems.add(book.spec.symbol() + " is crossed: bid " + bid.getKey() + " >= ask " + ask.getKey());
            }
        }
        Map<String, Long> totals = new HashMap<>(feesCollected);
        Map<Long, Map<String, Long>> lockedByOrders = new HashMap<>();
        for (Order o : open.values()) {
            lockedByOrders.computeIfAbsent(o.account, a -> new HashMap<>()).merge(o.lockedAsset(), o.locked, Long::sum);
        }
        accounts.forEach((account, assets) -> assets.forEach((asset, b) -> {
            if (b.free < 0 || b.locked < 0) {
                problems.add("account " + account + " " + asset + " is negative: free " + b.free + " locked " + b.locked);
            }
            long expectedLocked = lockedByOrders.getOrDefault(account, Map.of()).getOrDefault(asset, 0L);
            if (b.locked != expectedLocked) {
                problems.add("account " + account + " " + asset + " locks " + b.locked + " but its orders lock " + expectedLocked);
            }
            totals.merge(asset, b.free + b.locked, Long::sum);
        }));
        deposited.forEach((asset, amount) -> {
            if (!amount.equals(totals.getOrDefault(asset, 0L))) {
                problems.add(asset + ": balances plus fees are " + totals.getOrDefault(asset, 0L) + ", deposits " + amount);
            }
        });
        return problems;
    }

    /** Resting order ids on one side of a symbol, by price, oldest first: for the property tests' FIFO check. */
    Map<Long, List<Long>> resting(String symbol, Side side) {
        Map<Long, List<Long>> queues = new HashMap<>();
        for (PriceLevel level : book(symbol).side(side).values()) {
            List<Long> ids = new ArrayList<>();
            for (Order o = level.head; o != null; o = o.next) {
                ids.add(o.id);
            }
            queues.put(level.price, ids);
        }
        return queues;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private OrderBook book(String symbol) {
        OrderBook book = books.get(symbol);
        if (book == null) {
            throw new Rejection(Rejection.BAD_SYMBOL, "Invalid symbol.");
        }
        return book;
    }

    private Balance balance(long account, String asset) {
        return accounts.computeIfAbsent(account, a -> new HashMap<>()).computeIfAbsent(asset, a -> new Balance());
    }

    private void requireFreshClientId(long account, String clientOrderId) {
        if (clientOrderId != null && openByClientId.getOrDefault(account, Map.of()).containsKey(clientOrderId)) {
            throw new Rejection(Rejection.NEW_ORDER_REJECTED, "Duplicate order sent.");
        }
    }

    private String clientId(String given) {
        return given != null ? given : "paper-" + Long.toString(++generatedClientIds, 36);
    }

    private void register(Order order) {
        open.put(order.id, order);
        openByClientId.computeIfAbsent(order.account, a -> new HashMap<>()).put(order.clientOrderId, order);
    }

    private void begin() {
        fills = new ArrayList<>();
        updates = new ArrayList<>();
    }
}
