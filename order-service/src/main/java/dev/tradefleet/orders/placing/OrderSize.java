package dev.tradefleet.orders.placing;

import java.math.BigDecimal;

/** How big an order is asked to be: a base quantity, a value in the quote asset, or a share of the account's value. */
public sealed interface OrderSize {

    record Quantity(BigDecimal quantity) implements OrderSize {
    }

    /** A value in a USD-pegged quote asset ({@code sizeUsd}). */
    record QuoteValue(BigDecimal value) implements OrderSize {
    }

    /** A fraction (0 to 1) of the account's value in the quote asset ({@code sizePct}). */
    record PortfolioShare(BigDecimal fraction) implements OrderSize {
    }
}
