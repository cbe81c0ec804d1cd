package dev.tradefleet.orders.placing;

import dev.tradefleet.contracts.trading.OrderSide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a trader asked for into an order the venue will take, or says why not before anything is sent: the
 * quantity rounds down to the venue's step (never more than asked for or paid for), the price must sit on its tick,
 * and the order must reach the venue's minimum value and fit the free balance. A market order is valued at the last
 * price, the best estimate before it trades.
 */
public final class OrderSizing {

    /** Quote assets a value in US dollars ({@code sizeUsd}) is an amount of. */
    static final Set<String> USD_ASSETS = Set.of("USDT", "USDC", "FDUSD", "BUSD", "TUSD", "USD", "DAI");

    /** An order ready to send: its quantity and limit price (null for a market order), and the value it comes to. */
    public record Sized(BigDecimal quantity, BigDecimal price, BigDecimal value) {
    }

    /**
     * @param price      the limit price, or null for a market order
     * @param lastPrice  the symbol's last traded price
     * @param balances   the account's free balance of each asset
     * @param accountValue the account's value in the symbol's quote asset (for a share of it)
     */
    public static Sized size(SymbolRules rules, OrderSide side, BigDecimal price, OrderSize size, BigDecimal lastPrice,
                             Map<String, BigDecimal> balances, BigDecimal accountValue) {
        if (price != null) {
            checkPrice(rules, price);
        }
        BigDecimal valuedAt = price != null ? price : lastPrice;
        BigDecimal asked;
        if (size instanceof OrderSize.Quantity q) {
            asked = q.quantity();
        } else if (size instanceof OrderSize.QuoteValue v) {
            if (!USD_ASSETS.contains(rules.quoteAsset())) {
                throw new SizingRefused("sizeUsd", rules.symbol() + " is quoted in " + rules.quoteAsset()
                        + ", not in US dollars: give quantity or sizePct instead");
            }
            asked = v.value().divide(valuedAt, rules.stepSize().scale() + 8, RoundingMode.DOWN);
        } else {
            asked = accountValue.multiply(((OrderSize.PortfolioShare) size).fraction())
                    .divide(valuedAt, rules.stepSize().scale() + 8, RoundingMode.DOWN);
        }
        BigDecimal quantity = roundDownToStep(asked, rules.stepSize());
        BigDecimal value = quantity.multiply(valuedAt);
        checkQuantity(rules, quantity, asked);
        if (rules.minNotional().signum() > 0 && value.compareTo(rules.minNotional()) < 0) {
            throw new SizingRefused(fieldOf(size), "Order value " + shown(value, rules.minNotional()) + " " + rules.quoteAsset()
                    + " is below the minimum " + rules.minNotional().stripTrailingZeros().toPlainString() + " " + rules.quoteAsset());
        }
        checkBalance(rules, side, quantity, value, balances);
        return new Sized(quantity, price, value);
    }

    /** The largest multiple of {@code step} not above {@code quantity} (the quantity itself where the venue sets no step). */
    static BigDecimal roundDownToStep(BigDecimal quantity, BigDecimal step) {
        if (step.signum() <= 0) {
            return quantity;
        }
        return quantity.divide(step, 0, RoundingMode.DOWN).multiply(step).setScale(Math.max(step.stripTrailingZeros().scale(), 0),
                RoundingMode.UNNECESSARY);
    }

    private static void checkPrice(SymbolRules rules, BigDecimal price) {
        if (rules.minPrice().signum() > 0 && price.compareTo(rules.minPrice()) < 0) {
            throw new SizingRefused("price", "Price " + price.toPlainString() + " is below the least price "
                    + rules.minPrice().stripTrailingZeros().toPlainString() + " of " + rules.symbol());
        }
        if (rules.maxPrice().signum() > 0 && price.compareTo(rules.maxPrice()) > 0) {
            throw new SizingRefused("price", "Price " + price.toPlainString() + " is above the greatest price "
                    + rules.maxPrice().stripTrailingZeros().toPlainString() + " of " + rules.symbol());
        }
        if (rules.tickSize().signum() > 0 && price.remainder(rules.tickSize()).signum() != 0) {
            throw new SizingRefused("price", "Price " + price.toPlainString() + " is not a multiple of the tick size "
                    + rules.tickSize().stripTrailingZeros().toPlainString() + " of " + rules.symbol());
        }
    }

    private static void checkQuantity(SymbolRules rules, BigDecimal quantity, BigDecimal asked) {
        if (quantity.signum() <= 0 || (rules.minQuantity().signum() > 0 && quantity.compareTo(rules.minQuantity()) < 0)) {
            throw new SizingRefused("quantity", "Quantity " + asked.stripTrailingZeros().toPlainString() + " " + rules.baseAsset()
                    + " is below the least quantity " + rules.minQuantity().max(rules.stepSize()).stripTrailingZeros().toPlainString()
                    + " " + rules.baseAsset() + " of " + rules.symbol());
        }
        if (rules.maxQuantity().signum() > 0 && quantity.compareTo(rules.maxQuantity()) > 0) {
            throw new SizingRefused("quantity", "Quantity " + quantity.toPlainString() + " " + rules.baseAsset()
                    + " is above the greatest quantity " + rules.maxQuantity().stripTrailingZeros().toPlainString() + " " + rules.baseAsset()
                    + " of " + rules.symbol());
        }
    }

    private static void checkBalance(SymbolRules rules, OrderSide side, BigDecimal quantity, BigDecimal value, Map<String, BigDecimal> balances) {
        String asset = side == OrderSide.BUY ? rules.quoteAsset() : rules.baseAsset();
        BigDecimal needed = side == OrderSide.BUY ? value : quantity;
        BigDecimal free = balances.getOrDefault(asset, BigDecimal.ZERO);
        if (free.compareTo(needed) < 0) {
            throw new SizingRefused("quantity", "Insufficient balance: the order needs " + needed.stripTrailingZeros().toPlainString()
                    + " " + asset + " and " + free.stripTrailingZeros().toPlainString() + " " + asset + " is free");
        }
    }

    /**
     * A value as the trader reads it beside the minimum it missed: to the cent, or two decimals finer than that minimum
     * (so a shortfall never reads as zero); never rounded up.
     */
    private static String shown(BigDecimal value, BigDecimal minimum) {
        return value.setScale(Math.max(2, minimum.stripTrailingZeros().scale() + 2), RoundingMode.DOWN).toPlainString();
    }

    private static String fieldOf(OrderSize size) {
        return size instanceof OrderSize.Quantity ? "quantity" : size instanceof OrderSize.QuoteValue ? "sizeUsd" : "sizePct";
    }

    private OrderSizing() {
    }
}
