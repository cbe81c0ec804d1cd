package dev.tradefleet.paper.matching;

/**
 * An order inside the engine (mutable, engine thread only). Resting orders are linked into their price
 * level, so a cancel takes constant time. {@code locked} is what the order holds of its account's balance
 * right now; every fill consumes from it and the end of the order releases the rest.
 */
public final class Order {

    final long id;
    final long account;
    final String clientOrderId;
    final SymbolSpec spec;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final long price;
    final long stopPrice;
    final long quantity;
    final long quoteOrderQty;
    final long createdAt;
    long executedQty;
    long cumulativeQuote;
    long locked;
    OrderStatus status = OrderStatus.NEW;
    long updatedAt;
    OcoList list;
    Order sibling;
    PriceLevel level;
    Order prev;
    Order next;

    Order(long id, long account, String clientOrderId, SymbolSpec spec, Side side, OrderType type, TimeInForce timeInForce,
          long price, long stopPrice, long quantity, long quoteOrderQty, long createdAt) {
        this.id = id;
        this.account = account;
        this.clientOrderId = clientOrderId;
        this.spec = spec;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.stopPrice = stopPrice;
        this.quantity = quantity;
        this.quoteOrderQty = quoteOrderQty;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    long remaining() {
        return quantity - executedQty;
    }

    /** The asset this order gives away, and so locks. */
    String lockedAsset() {
        return side == Side.BUY ? spec.quoteAsset() : spec.baseAsset();
    }

    public OrderView view() {
        // a market order for a quote amount has no size of its own: it is what it traded
        long origQty = quoteOrderQty > 0 ? executedQty : quantity;
        return new OrderView(id, account, clientOrderId, spec.symbol(), side, type, timeInForce, price, stopPrice, origQty,
                quoteOrderQty, executedQty, cumulativeQuote, status, list == null ? -1 : list.id, createdAt, updatedAt);
    }
}
