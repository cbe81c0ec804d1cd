package dev.tradefleet.paper.matching;

/**
 * An OCO order list: a leg above the last price and a leg below it, same side and quantity. For a SELL the
 * above leg is LIMIT_MAKER or TAKE_PROFIT_LIMIT and the below leg STOP_LOSS_LIMIT; for a BUY the other way.
 */
public record NewOco(long account, String symbol, Side side, long quantity, Leg above, Leg below, String listClientOrderId) {

    public record Leg(OrderType type, long price, long stopPrice, TimeInForce timeInForce, String clientOrderId) {
    }
}
