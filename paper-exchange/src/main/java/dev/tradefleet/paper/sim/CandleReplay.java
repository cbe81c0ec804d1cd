package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.matching.Units;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays candles (Binance's kline CSV: open time, open, high, low, close, …): each candle is walked through
 * in four steps — open, high, low, close for a falling candle, open, low, high, close for a rising one —
 * and the file starts over at its end. Prices are snapped down to the symbol's tick (the one rounding here,
 * explicit). Lines starting with {@code #} are comments.
 */
public final class CandleReplay implements PriceSource {

    private final long[] path;
    private int position;
    private long price;

    public CandleReplay(List<String> csvLines, long tickSize) {
        List<Long> prices = new ArrayList<>();
        for (String line : csvLines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split(",");
            if (cells.length < 5) {
                throw new IllegalArgumentException("a kline line needs open time, open, high, low and close: " + trimmed);
            }
            long open = onGrid(cells[1], tickSize);
            long high = onGrid(cells[2], tickSize);
            long low = onGrid(cells[3], tickSize);
            long close = onGrid(cells[4], tickSize);
            boolean rising = close >= open;
            prices.add(open);
            prices.add(rising ? low : high);
            prices.add(rising ? high : low);
            prices.add(close);
        }
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("the candles file has no candles");
        }
        this.path = prices.stream().mapToLong(Long::longValue).toArray();
        this.price = path[0];
    }

    private static long onGrid(String decimal, long tickSize) {
        long units = Units.of(new BigDecimal(decimal.strip()));
        return Math.max(tickSize, units - units % tickSize);
    }

    @Override
    public long price() {
        return price;
    }

    @Override
    public long step() {
        position = (position + 1) % path.length;
        price = path[position];
        return price;
    }

    @Override
    public void set(long newPrice) {
        price = newPrice;
    }

    public int length() {
        return path.length;
    }
}
