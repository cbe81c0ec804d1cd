package dev.tradefleet.connector.venue.binancelike;

import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.MarketStream;
import dev.tradefleet.connector.venue.binance.BinanceDialect;
import dev.tradefleet.testing.PaperExchangeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binance's market streams as the paper exchange serves them: subscribed while connected, read over REST once, then streamed. */
class BinanceLikeMarketStreamTest {

    private static final String SYMBOL = "ETHBTC";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    private final PaperExchangeProcess paper = PaperExchangeProcess.shared();
    private final VenueLimiter limiter = new VenueLimiter("binance-stream-test", BinanceDialect.INSTANCE.rateLimits());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();
    private final MarketData rest = new BinanceLikeMarketData(BinanceDialect.INSTANCE, paper.url(), limiter, http, Clock.systemUTC(),
            Duration.ofSeconds(5));
    private final AtomicInteger restReads = new AtomicInteger();
    private final BinanceLikeMarketStream stream = new BinanceLikeMarketStream(URI.create(paper.url().toString().replaceFirst("^http", "ws")),
            http, scheduler, symbol -> {
        restReads.incrementAndGet();
        return rest.ticker(symbol);
    });

    @AfterEach
    void stop() {
        stream.close();
        scheduler.shutdownNow();
        limiter.close();
    }

    @Test
    void pricesAreReadOnceWhenTheSubscriptionStandsAndStreamedAfterThat() throws Exception {
        stream.follow(Set.of(SYMBOL));
        await().atMost(WITHIN).until(() -> stream.top(SYMBOL).isPresent());
        MarketStream.Top first = stream.top(SYMBOL).orElseThrow();
        assertTrue(first.bidPrice().compareTo(first.askPrice()) < 0, first.toString());
        assertEquals(1, restReads.get(), "read once, after the venue acknowledged the subscription");

        BigDecimal reference = first.lastPrice();
        BigDecimal moved = reference.multiply(BigDecimal.valueOf(3)).setScale(5, RoundingMode.DOWN);
        try {
            paper.admin("POST", "/sim/markets/" + SYMBOL + "/price", Map.of("price", moved.toPlainString()));
            // the book is quoted again and a trade marks the new price: both arrive by the stream alone
            await().atMost(WITHIN).until(() -> {
                MarketStream.Top top = stream.top(SYMBOL).orElseThrow();
                BigDecimal half = moved.divide(BigDecimal.valueOf(2), RoundingMode.DOWN);
                return top.lastPrice().compareTo(half) > 0 && top.bidPrice().compareTo(half) > 0 && top.askPrice().compareTo(half) > 0;
            });
            assertEquals(1, restReads.get(), "nothing more asked over REST");
        } finally {
            paper.admin("POST", "/sim/markets/" + SYMBOL + "/price", Map.of("price", reference.toPlainString()));
        }

        stream.follow(Set.of());
        assertTrue(stream.top(SYMBOL).isEmpty(), "following nothing, it claims nothing");
        stream.follow(Set.of(SYMBOL));
        await().atMost(WITHIN).until(() -> stream.top(SYMBOL).isPresent());
        assertEquals(2, restReads.get(), "a new subscription reads once again");
    }

    @Test
    void aConnectionThatFallsSilentIsPingedThenGivenUpAndItsPricesAreNotServedAsTheMarketsAnyLonger() throws Exception {
        try (SilentWebSocketServer silent = new SilentWebSocketServer()) {
            BigDecimal price = new BigDecimal("0.05");
            BinanceLikeMarketStream halfOpen = new BinanceLikeMarketStream(silent.url(), http, scheduler,
                    symbol -> CompletableFuture.completedFuture(new MarketData.Ticker(symbol, price, price, price, price, price, price,
                            BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO)), Duration.ofSeconds(2));
            try {
                halfOpen.follow(Set.of(SYMBOL));
                await().atMost(WITHIN).until(() -> halfOpen.top(SYMBOL).isPresent());
                assertEquals(1, silent.connections());
                // nothing more comes: the prices it holds are the moment the connection died, not the market's now
                await().atMost(WITHIN).until(() -> halfOpen.top(SYMBOL).isEmpty());
                assertTrue(silent.pings() >= 1, "asked whether it is there before it was given up");
                await().atMost(WITHIN).until(() -> silent.connections() >= 2);
            } finally {
                halfOpen.close();
            }
        }
    }
}
