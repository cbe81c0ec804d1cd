package dev.tradefleet.paper.matching;

import java.math.BigDecimal;

/**
 * Inside the engine every price, quantity and balance is an exact count of 1e-8 units, as Binance keeps
 * them (8 decimals). Conversions at the boundary are exact or refused: nothing is rounded on the way in.
 * The one place the engine rounds is the commission ({@link #fraction}), always down.
 */
public final class Units {

    public static final int SCALE = 8;
    public static final long ONE = 100_000_000L;
    private static final long MILLION = 1_000_000L;

    private Units() {
    }

    /** The exact unit count of {@code value}; refused when it has more than 8 decimals or does not fit. */
    public static long of(BigDecimal value) {
        try {
            return value.movePointRight(SCALE).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not representable in 8 decimals: " + value.toPlainString());
        }
    }

    public static long of(String value) {
        return of(new BigDecimal(value));
    }

    /** The decimal value of {@code units}, always written with 8 decimals as Binance does ("0.10000000"). */
    public static BigDecimal toDecimal(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }

    public static String format(long units) {
        return toDecimal(units).toPlainString();
    }

    /** {@code amount × ppm / 1,000,000}, rounded down, without overflow for any amount. */
    public static long fraction(long amount, long ppm) {
        return (amount / MILLION) * ppm + (amount % MILLION) * ppm / MILLION;
    }
}
