package dev.tradefleet.paper.matching;

/** One asset of one account, in units: free to use, or locked by open orders. */
public final class Balance {

    long free;
    long locked;

    public long free() {
        return free;
    }

    public long locked() {
        return locked;
    }

    public long total() {
        return free + locked;
    }
}
