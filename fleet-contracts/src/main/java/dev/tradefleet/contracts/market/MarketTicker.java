package dev.tradefleet.contracts.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The top of one symbol's book and its last price on one venue and environment, on {@code market.tickers.v1}
 * keyed by {@link #key()}: published by the exchange connector for every symbol someone trades or watches, at
 * most once per interval per symbol and only when something changed. Prices are the venue's; a side with no
 * order is null.
 */
public record MarketTicker(String venue, String environment, String symbol, BigDecimal bidPrice, BigDecimal askPrice,
                           BigDecimal lastPrice, Instant time) {

    public static final String TYPE = "market.ticker";

    public MarketTicker {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
    }

    /** {@code venue:environment:symbol}: one symbol's tickers stay in order. */
    public String key() {
        return venue + ":" + environment + ":" + symbol;
    }

    /** The same prices (whatever the time): nothing to publish. */
    public boolean samePricesAs(MarketTicker other) {
        return other != null && same(bidPrice, other.bidPrice) && same(askPrice, other.askPrice) && same(lastPrice, other.lastPrice);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
