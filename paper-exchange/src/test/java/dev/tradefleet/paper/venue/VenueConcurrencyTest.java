package dev.tradefleet.paper.venue;

import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.NewOrder;
import dev.tradefleet.paper.matching.Side;
import dev.tradefleet.paper.matching.TimeInForce;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.sim.MarketSimulator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenueConcurrencyTest {

    private static final PaperConfig CONFIG = new PaperConfig() {
        @Override
        public Optional<String> adminKey() {
            return Optional.empty();
        }

        @Override
        public long makerFeePpm() {
            return 1000;
        }

        @Override
        public long takerFeePpm() {
            return 1000;
        }

        @Override
        public long weightLimit() {
            return 6000;
        }

        @Override
        public java.time.Duration transferDelay() {
            return java.time.Duration.ZERO;
        }

        @Override
        public Map<String, Withdrawal> withdrawal() {
            return Map.of();
        }
    };

    /** A listener that watches everything and records what it was told. */
    private static class Recorder implements MarketListener {
        final ConcurrentLinkedQueue<MarketChange> told = new ConcurrentLinkedQueue<>();

        @Override
        public boolean watchesTop(String symbol) {
            return true;
        }

        @Override
        public boolean watchesDepth(String symbol) {
            return true;
        }

        @Override
        public boolean watchesCandles(String symbol) {
            return true;
        }

        @Override
        public boolean watchesAccount(long account) {
            return true;
        }

        @Override
        public void changed(MarketChange change) {
            told.add(change);
        }
    }

    private static NewOrder bid(long account, String price) {
        return NewOrder.limit(account, "BTCUSDT", Side.BUY, TimeInForce.GTC, Units.of(price), Units.of("0.001"));
    }

    @Test
    void listenersAreToldOutsideTheLockSoASlowStreamNeverHoldsUpTheEngine() throws Exception {
        CountDownLatch telling = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        Recorder recorder = new Recorder() {
            @Override
            public void changed(MarketChange change) {
                telling.countDown();
                release.join();
                super.changed(change);
            }
        };
        Venue venue = new Venue(CONFIG, recorder);
        long account = venue.openSimulatedAccount(Map.of("USDT", "100000"));
        CompletableFuture<MatchingEngine.Result> slow = CompletableFuture.supplyAsync(() -> venue.place(bid(account, "50000")));
        assertTrue(telling.await(10, TimeUnit.SECONDS), "the listener is being told");

        // the listener is stuck; the engine still answers and takes orders
        assertEquals(1, CompletableFuture.supplyAsync(() -> venue.depth("BTCUSDT", 5).bids().size()).get(10, TimeUnit.SECONDS));
        venue.place(bid(account, "49000"));
        assertEquals(2, venue.openOrders(account, "BTCUSDT").size());

        release.complete(null);
        slow.get(10, TimeUnit.SECONDS);
        assertEquals(2, recorder.told.size(), "the second change was told by whoever held the telling");
    }

    @Test
    void changesAreToldOnceEachInTheOrderTheyHappenedUnderConcurrentOrders() throws Exception {
        Recorder recorder = new Recorder();
        Venue venue = new Venue(CONFIG, recorder);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long account = venue.openSimulatedAccount(Map.of("USDT", "10000000", "BTC", "100"));
                boolean buyer = t % 2 == 0;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String price = String.valueOf(50_000 + (i % 20));
                        venue.place(NewOrder.limit(account, "BTCUSDT", buyer ? Side.BUY : Side.SELL, TimeInForce.GTC,
                                Units.of(price), Units.of("0.001")));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> ids = recorder.told.stream().map(MarketChange::lastUpdateId).toList();
        assertEquals(4000, ids.size(), "every change told once");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i + 1L, ids.get(i), "told in the order they happened");
        }
    }

    @Test
    void anAdminsSetPriceAndTheSimulatorsStepsDoNotInterleaveOnASymbol() throws Exception {
        Venue venue = new Venue(CONFIG, new Recorder());
        MarketSimulator simulator = new MarketSimulator(venue, 7, 0, 0.001, 5, Map.of("BTCUSDT", "60000"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> steps = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    simulator.step("BTCUSDT");
                }
            });
            Future<?> prices = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    simulator.setPrice("BTCUSDT", Units.of(String.valueOf(55_000 + (i % 50) * 100)));
                }
            });
            steps.get(120, TimeUnit.SECONDS);
            prices.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        simulator.setPrice("BTCUSDT", Units.of("58000"));
        assertEquals(Units.of("58000"), simulator.referencePrice("BTCUSDT"));
        MatchingEngine.Depth top = venue.depth("BTCUSDT", 1);
        assertTrue(top.bids().get(0).price() < Units.of("58000") && top.asks().get(0).price() > Units.of("58000"),
                "after the last set price, the simulated maker quotes around it alone: " + top);
    }
}
