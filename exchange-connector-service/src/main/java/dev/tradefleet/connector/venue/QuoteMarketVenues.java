package dev.tradefleet.connector.venue;

import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TimeInForce;

/** The orders a venue cannot take natively when its market buys spend a quote amount (Bitget, Gate.io), so that callers emulate them. */
public final class QuoteMarketVenues {

    private QuoteMarketVenues() {
    }

    /** Why {@code venue} cannot take {@code order} natively, or null when it can. */
    public static String refusal(String venue, PlaceOrder order) {
        if (order.kind() == OrderKind.MARKET && order.side() == OrderSide.BUY && order.quoteQuantity() == null) {
            return venue + "'s market buy is for a quote amount only";
        }
        if (order.kind() == OrderKind.MARKET && order.side() == OrderSide.SELL && order.quoteQuantity() != null) {
            return venue + "'s market sell is for a base quantity only";
        }
        if (order.kind() == OrderKind.LIMIT_MAKER && order.timeInForce() != TimeInForce.GTC) {
            return "a post-only order rests: it takes no " + order.timeInForce();
        }
        return null;
    }
}
