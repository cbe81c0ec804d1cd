package dev.tradefleet.connector.markets;

import dev.tradefleet.connector.threads.DaemonThreads;
import dev.tradefleet.connector.venue.MarketStream;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Book tops and last prices on {@code market.tickers.v1} for every symbol someone trades (an order still
 * followed) or watches (asked about over REST in the last five minutes): once per interval per symbol at most,
 * and only when a price moved. Taken from the venue's market stream where it has one and knows the prices
 * ({@link MarketStream}, told each round which symbols to follow), else read through {@link Markets}, so a symbol
 * that browsers watch too costs the venue one call per second in all. Published directly: a ticker is not a change
 * of our state, and the next one supersedes a lost one.
 */
public final class TickerPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TickerPublisher.class);
    private static final Duration WATCHED_FOR = Duration.ofMinutes(5);
    private static final int MAX_WATCHED = 100;

    private final URI source;
    private final Markets markets;
    private final BiFunction<String, String, MarketStream> streams;
    private final Supplier<List<MarketId>> traded;
    private final Producer<String, byte[]> producer;
    private final Duration interval;
    private final Clock clock;
    private final Map<MarketId, Instant> watched = new ConcurrentHashMap<>();
    private final Map<MarketId, MarketTicker> published = new ConcurrentHashMap<>();
    /** The venues and environments whose streams were told to follow something: told when they follow nothing. */
    private final Set<String> streaming = new HashSet<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("connector-tickers"));

    /**
     * @param streams the market stream of a venue and environment ({@link MarketStream#NONE} where there is none)
     * @param traded  the markets of the orders followed now (asked every round; it must not block long)
     */
    public TickerPublisher(URI source, Markets markets, BiFunction<String, String, MarketStream> streams, Supplier<List<MarketId>> traded,
                           Producer<String, byte[]> producer, Duration interval, Clock clock) {
        this.source = source;
        this.markets = markets;
        this.streams = streams;
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
            follow(due);
            due.forEach(this::publish);
        } catch (RuntimeException e) {
            LOG.warnf("tickers not published this round: %s", e.toString());
        }
    }

    /** Each venue's stream follows the symbols due there now, and one with none due left follows nothing. */
    private void follow(Set<MarketId> due) {
        Map<String, Set<String>> symbols = new HashMap<>();
        due.forEach(market -> symbols.computeIfAbsent(market.venue() + "/" + market.environment(), k -> new TreeSet<>()).add(market.symbol()));
        streaming.forEach(where -> symbols.putIfAbsent(where, Set.of()));
        symbols.forEach((where, followed) -> {
            String[] venue = where.split("/", 2);
            streams.apply(venue[0], venue[1]).follow(followed);
        });
        streaming.clear();
        symbols.forEach((where, followed) -> {
            if (!followed.isEmpty()) {
                streaming.add(where);
            }
        });
    }

    private void publish(MarketId market) {
        Optional<MarketStream.Top> streamed = streams.apply(market.venue(), market.environment()).top(market.symbol());
        if (streamed.isPresent()) {
            MarketStream.Top top = streamed.get();
            publish(market, top.bidPrice(), top.askPrice(), top.lastPrice());
            return;
        }
        markets.ticker(market.venue(), market.environment(), market.symbol()).whenComplete((ticker, failure) -> {
            if (failure != null) {
                LOG.debugf("no ticker for %s now: %s", market, failure.toString());
                return;
            }
            publish(market, ticker.bidPrice(), ticker.askPrice(), ticker.lastPrice());
        });
    }

    private void publish(MarketId market, BigDecimal bid, BigDecimal ask, BigDecimal lastPrice) {
        MarketTicker next = new MarketTicker(market.venue(), market.environment(), market.symbol(), positive(bid), positive(ask),
                positive(lastPrice), clock.instant());
        MarketTicker last = published.get(market);
        if (next.samePricesAs(last)) {
            return;
        }
        published.put(market, next);
        producer.send(new ProducerRecord<>(Topics.MARKET_TICKERS, next.key(), EventCodec.encode(
                EventEnvelope.create(source, MarketTicker.TYPE, next.key(), EventCodec.toData(next)))));
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
