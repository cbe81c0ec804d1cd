package dev.tradefleet.paper.sim;

import java.util.Random;

/**
 * A seeded random walk of a reference price in whole ticks: each step moves by a normally distributed number
 * of ticks with the configured drift and volatility (relative to the price, per step), never below one tick.
 * The model draws doubles; every price it yields is an exact multiple of the tick, so nothing downstream
 * rounds. The same seed gives the same path.
 */
public final class PriceWalk implements PriceSource {

    private final Random random;
    private final long tickSize;
    private final double driftPerStep;
    private final double volatilityPerStep;
    private long price;

    public PriceWalk(long seed, long startPrice, long tickSize, double driftPerStep, double volatilityPerStep) {
        if (startPrice % tickSize != 0) {
            throw new IllegalArgumentException("the start price must be on the tick grid");
        }
        this.random = new Random(seed);
        this.price = startPrice;
        this.tickSize = tickSize;
        this.driftPerStep = driftPerStep;
        this.volatilityPerStep = volatilityPerStep;
    }

    @Override
    public long price() {
        return price;
    }

    /** Moves the reference to {@code newPrice} (an admin setting it), rounded down to the tick grid. */
    @Override
    public void set(long newPrice) {
        price = Math.max(tickSize, newPrice - newPrice % tickSize);
    }

    @Override
    public long step() {
        double ticks = price / (double) tickSize;
        long move = Math.round(ticks * (driftPerStep + volatilityPerStep * random.nextGaussian()));
        price = Math.max(tickSize, price + move * tickSize);
        return price;
    }
}
