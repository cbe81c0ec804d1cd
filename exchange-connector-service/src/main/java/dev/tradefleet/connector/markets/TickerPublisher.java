package dev.tradefleet.connector.markets;

import dev.tradefleet.connector.threads.DaemonThreads;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.market.MarketTicker;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Book tops and last prices on {@code market.tickers.v1} for every symbol someone trades (an order still
 * followed) or watches (asked about over REST in the last five minutes): once per interval per symbol at most,
 * and only when a price moved. Read through {@link Markets}, so a symbol that browsers watch too costs the venue
 * one call per second in all. Published directly: a ticker is not a change of our state, and the next one
 * supersedes a lost one.
 */
public final class TickerPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TickerPublisher.class);
    private static final Duration WATCHED_FOR = Duration.ofMinutes(5);
    private static final int MAX_WATCHED = 100;

    private final URI source;
    private final Markets markets;
    private final Supplier<List<MarketId>> traded;
    private final Producer<String, byte[]> producer;
    private final Duration interval;
    private final Clock clock;
    private final Map<MarketId, Instant> watched = new ConcurrentHashMap<>();
    private final Map<MarketId, MarketTicker> published = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("connector-tickers"));

    /** @param traded the markets of the orders followed now (asked every round; it must not block long) */
    public TickerPublisher(URI source, Markets markets, Supplier<List<MarketId>> traded, Producer<String, byte[]> producer,
                           Duration interval, Clock clock) {
        this.source = source;
        this.markets = markets;
        this.traded = traded;
        this.producer = producer;
        this.interval = interval;
        this.clock = clock;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::publishRound, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Someone asked about this market: its tickers flow for the next five minutes. At most {@value #MAX_WATCHED}
     * markets are watched at once, so that callers asking about every symbol cannot spend the venue's budget.
     */
    public void watch(MarketId market) {
        if (watched.size() < MAX_WATCHED || watched.containsKey(market)) {
            watched.put(market, clock.instant().plus(WATCHED_FOR));
        }
    }

    private void publishRound() {
        try {
            Instant now = clock.instant();
            watched.values().removeIf(until -> until.isBefore(now));
            Set<MarketId> due = new HashSet<>(watched.keySet());
            due.addAll(traded.get());
            published.keySet().retainAll(due);
            due.forEach(this::publish);
        } catch (RuntimeException e) {
            LOG.warnf("tickers not published this round: %s", e.toString());
        }
    }

    private void publish(MarketId market) {
        markets.ticker(market.venue(), market.environment(), market.symbol()).whenComplete((ticker, failure) -> {
            if (failure != null) {
                LOG.debugf("no ticker for %s now: %s", market, failure.toString());
                return;
            }
            MarketTicker next = of(market, ticker);
            MarketTicker last = published.get(market);
            if (next.samePricesAs(last)) {
                return;
            }
            published.put(market, next);
            producer.send(new ProducerRecord<>(Topics.MARKET_TICKERS, next.key(), EventCodec.encode(
                    EventEnvelope.create(source, MarketTicker.TYPE, next.key(), EventCodec.toData(next)))));
        });
    }

    private MarketTicker of(MarketId market, MarketData.Ticker ticker) {
        return new MarketTicker(market.venue(), market.environment(), market.symbol(), positive(ticker.bidPrice()),
                positive(ticker.askPrice()), positive(ticker.lastPrice()), clock.instant());
    }

    /** Venues write an empty side's price as 0. */
    private static BigDecimal positive(BigDecimal price) {
        return price == null || price.signum() <= 0 ? null : price;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
