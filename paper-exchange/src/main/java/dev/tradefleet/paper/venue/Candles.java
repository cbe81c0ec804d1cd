package dev.tradefleet.paper.venue;

import dev.tradefleet.paper.matching.Fill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-minute candles per symbol, built from every trade, kept for two days: klines of any interval that is a
 * whole number of minutes are aggregated from them, and so is the rolling 24-hour ticker.
 */
public final class Candles {

    public static final long MINUTE = 60_000;
    private static final int KEEP_MINUTES = 2 * 24 * 60;

    /** A candle in engine units. */
    public static final class Candle {
        public final long openTime;
        public long open;
        public long high;
        public long low;
        public long close;
        public long volume;
        public long quoteVolume;
        public long takerBuyVolume;
        public long takerBuyQuoteVolume;
        public int trades;
        public long firstTradeId;
        public long lastTradeId;

        Candle(long openTime, long price, long firstTradeId) {
            this.openTime = openTime;
            this.open = price;
            this.high = price;
            this.low = price;
            this.close = price;
            this.firstTradeId = firstTradeId;
        }

        void add(Fill fill) {
            high = Math.max(high, fill.price());
            low = Math.min(low, fill.price());
            close = fill.price();
            volume += fill.quantity();
            quoteVolume += fill.quoteQuantity();
            if (!fill.buyerIsMaker()) {
                takerBuyVolume += fill.quantity();
                takerBuyQuoteVolume += fill.quoteQuantity();
            }
            trades++;
            lastTradeId = fill.tradeId();
        }

        void merge(Candle later) {
            high = Math.max(high, later.high);
            low = Math.min(low, later.low);
            close = later.close;
            volume += later.volume;
            quoteVolume += later.quoteVolume;
            takerBuyVolume += later.takerBuyVolume;
            takerBuyQuoteVolume += later.takerBuyQuoteVolume;
            trades += later.trades;
            lastTradeId = later.lastTradeId;
        }

        Candle copy(long openTime) {
            Candle c = new Candle(openTime, open, firstTradeId);
            c.merge(this);
            c.open = open;
            return c;
        }
    }

    private final Map<String, TreeMap<Long, Candle>> bySymbol = new java.util.HashMap<>();

    public void record(Fill fill) {
        TreeMap<Long, Candle> minutes = bySymbol.computeIfAbsent(fill.symbol(), s -> new TreeMap<>());
        long minute = fill.time() - fill.time() % MINUTE;
        minutes.computeIfAbsent(minute, m -> new Candle(m, fill.price(), fill.tradeId())).add(fill);
        while (minutes.size() > KEEP_MINUTES) {
            minutes.pollFirstEntry();
        }
    }

    /** Candles of {@code intervalMinutes} between the two times (inclusive), oldest first, at most {@code limit}, newest kept. */
    public List<Candle> klines(String symbol, int intervalMinutes, long startTime, long endTime, int limit) {
        long width = intervalMinutes * MINUTE;
        TreeMap<Long, Candle> aggregated = new TreeMap<>();
        for (Candle minute : bySymbol.getOrDefault(symbol, new TreeMap<>()).subMap(startTime - startTime % width, true, endTime, true).values()) {
            long bucket = minute.openTime - minute.openTime % width;
            Candle existing = aggregated.get(bucket);
            if (existing == null) {
                aggregated.put(bucket, minute.copy(bucket));
            } else {
                existing.merge(minute);
            }
        }
        List<Candle> all = new ArrayList<>(aggregated.values());
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    /** The last 24 hours as one candle (null when nothing traded). */
    public Candle lastDay(String symbol, long now) {
        List<Candle> day = klines(symbol, 24 * 60, now - 24 * 60 * MINUTE + MINUTE, now, Integer.MAX_VALUE);
        if (day.isEmpty()) {
            return null;
        }
        Candle total = day.get(0);
        for (Candle c : day.subList(1, day.size())) {
            total.merge(c);
        }
        return total;
    }
}
