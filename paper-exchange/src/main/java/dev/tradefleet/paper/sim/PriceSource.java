package dev.tradefleet.paper.sim;

/** Where a symbol's reference price comes from: a seeded walk or a replayed candles file. */
public interface PriceSource {

    long price();

    /** Moves to the next price and returns it. */
    long step();

    /** An admin sets the price; the source goes on from there. */
    void set(long price);
}
