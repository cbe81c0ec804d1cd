package dev.tradefleet.paper.venue;

/**
 * Who is told what the venue changed (the WebSocket streams). The venue asks what is watched while it holds its
 * lock, to capture only that, and calls {@link #changed} after releasing it, one change at a time, in the order
 * the changes happened.
 */
public interface MarketListener {

    boolean watchesTop(String symbol);

    boolean watchesDepth(String symbol);

    boolean watchesCandles(String symbol);

    boolean watchesAccount(long account);

    void changed(MarketChange change);
}
