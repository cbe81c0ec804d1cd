package dev.tradefleet.paper.matching;

/** An immutable snapshot of an order, in units; the API layer turns it into Binance's JSON. */
public record OrderView(long orderId, long account, String clientOrderId, String symbol, Side side, OrderType type,
                        TimeInForce timeInForce, long price, long stopPrice, long origQty, long origQuoteOrderQty,
                        long executedQty, long cumulativeQuoteQty, OrderStatus status, long orderListId, long time,
                        long updateTime) {
}
