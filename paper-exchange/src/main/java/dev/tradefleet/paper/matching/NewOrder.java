package dev.tradefleet.paper.matching;

/**
 * A new-order request in units. {@code quantity} or (MARKET only) {@code quoteOrderQty} is set, the other 0;
 * {@code price} for LIMIT, LIMIT_MAKER and the stop-limit types; {@code stopPrice} for the stop-limit types.
 */
public record NewOrder(long account, String symbol, Side side, OrderType type, TimeInForce timeInForce, long price,
                       long stopPrice, long quantity, long quoteOrderQty, String clientOrderId) {

    public static NewOrder limit(long account, String symbol, Side side, TimeInForce tif, long price, long quantity) {
        return new NewOrder(account, symbol, side, OrderType.LIMIT, tif, price, 0, quantity, 0, null);
    }

    public static NewOrder market(long account, String symbol, Side side, long quantity) {
        return new NewOrder(account, symbol, side, OrderType.MARKET, null, 0, 0, quantity, 0, null);
    }

    public static NewOrder marketForQuote(long account, String symbol, Side side, long quoteOrderQty) {
        return new NewOrder(account, symbol, side, OrderType.MARKET, null, 0, 0, 0, quoteOrderQty, null);
    }

    public NewOrder withClientOrderId(String id) {
        return new NewOrder(account, symbol, side, type, timeInForce, price, stopPrice, quantity, quoteOrderQty, id);
    }
}
