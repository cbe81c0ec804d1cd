package dev.tradefleet.paper.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Thousands of random requests of every kind, from several accounts on two symbols, reproducible from a seed.
 * After each one: no book is crossed, no balance is negative, locks equal what open orders hold, for every
 * asset balances plus fees equal deposits (all in {@link MatchingEngine#audit()}), and no trade skipped an
 * older order still resting at its price (price-time priority).
 */
class MatchingEnginePropertyTest {

    private static final SymbolSpec ETH = SymbolSpec.of("ETHUSDT", "ETH", "USDT", "0.01", "0.01", "100000", "0.001", "0.001", "10000", "1");
    private static final SymbolSpec SOL = SymbolSpec.of("SOLETH", "SOL", "ETH", "0.0001", "0.0001", "1000", "0.01", "0.01", "100000", "0.001");
    private static final int ACCOUNTS = 4;
    private static final int OPERATIONS = 3000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void invariantsHoldAfterEveryRequest(long seed) {
        Random random = new Random(seed);
        MatchingEngine engine = new MatchingEngine(random.nextInt(2000), random.nextInt(2000), System::currentTimeMillis);
        engine.addSymbol(ETH);
        engine.addSymbol(SOL);
        for (long account = 1; account <= ACCOUNTS; account++) {
            engine.deposit(account, "ETH", Units.of("1000"));
            engine.deposit(account, "USDT", Units.of("500000"));
            engine.deposit(account, "SOL", Units.of("100000"));
        }
        List<Long> placed = new ArrayList<>();
        int rejections = 0;
        int trades = 0;
        for (int i = 0; i < OPERATIONS; i++) {
            SymbolSpec spec = random.nextInt(4) == 0 ? SOL : ETH;
            long mid = spec == ETH ? Units.of("2000") : Units.of("0.05");
            Map<Long, List<Long>> bidsBefore = engine.resting(spec.symbol(), Side.BUY);
            Map<Long, List<Long>> asksBefore = engine.resting(spec.symbol(), Side.SELL);
            List<Fill> fills = List.of();
            try {
                fills = randomRequest(engine, random, spec, mid, placed);
            } catch (Rejection expected) {
                rejections++;
            }
            trades += fills.size();
            List<String> problems = engine.audit();
            if (!problems.isEmpty()) {
                fail("seed " + seed + ", request " + i + ": " + problems);
            }
            checkPriority(seed, i, fills, bidsBefore, engine.resting(spec.symbol(), Side.BUY), Side.BUY);
            checkPriority(seed, i, fills, asksBefore, engine.resting(spec.symbol(), Side.SELL), Side.SELL);
        }
        // the run must have exercised the engine, not just been refused
        if (trades < OPERATIONS / 10 || rejections > OPERATIONS / 2) {
            fail("seed " + seed + " was not a meaningful run: " + trades + " trades, " + rejections + " rejections");
        }
    }

    /**
     * A trade against a maker at price P must not leave an order that was ahead of it in P's queue still resting.
     * "Ahead" is the queue position, not the id: a stop order joins the queue when it triggers, not when placed.
     */
    private static void checkPriority(long seed, int request, List<Fill> fills, Map<Long, List<Long>> before,
                                      Map<Long, List<Long>> after, Side side) {
        for (Fill fill : fills) {
            boolean makerOnThisSide = fill.buyerIsMaker() == (side == Side.BUY);
            if (!makerOnThisSide) {
                continue;
            }
            List<Long> queueBefore = before.getOrDefault(fill.price(), List.of());
            int position = queueBefore.indexOf(fill.makerOrderId());
            List<Long> ahead = position >= 0 ? queueBefore.subList(0, position) : queueBefore;
            for (long earlier : ahead) {
                if (after.getOrDefault(fill.price(), List.of()).contains(earlier)) {
                    fail("seed " + seed + ", request " + request + ": maker " + fill.makerOrderId() + " traded while order "
                            + earlier + ", ahead of it at " + fill.price() + ", still rests");
                }
            }
        }
    }

    private static List<Fill> randomRequest(MatchingEngine engine, Random random, SymbolSpec spec, long mid, List<Long> placed) {
        long account = 1 + random.nextInt(ACCOUNTS);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long price = Math.max(spec.tickSize(), mid + (random.nextInt(41) - 20) * spec.tickSize());
        long quantity = spec.minQty() + random.nextInt(300) * spec.stepSize();
        int kind = random.nextInt(100);
        MatchingEngine.Result result;
        if (kind < 40) {
            TimeInForce tif = kind < 30 ? TimeInForce.GTC : kind < 35 ? TimeInForce.IOC : TimeInForce.FOK;
            result = engine.place(NewOrder.limit(account, spec.symbol(), side, tif, price, quantity));
        } else if (kind < 48) {
            result = engine.place(NewOrder.market(account, spec.symbol(), side, quantity));
        } else if (kind < 53) {
            result = engine.place(NewOrder.marketForQuote(account, spec.symbol(), side, spec.notional(mid, quantity)));
        } else if (kind < 60) {
            result = engine.place(new NewOrder(account, spec.symbol(), side, OrderType.LIMIT_MAKER, null, price, 0, quantity, 0, null));
        } else if (kind < 68) {
            OrderType type = random.nextBoolean() ? OrderType.STOP_LOSS_LIMIT : OrderType.TAKE_PROFIT_LIMIT;
            long stop = Math.max(spec.tickSize(), mid + (random.nextInt(21) - 10) * spec.tickSize());
            result = engine.place(new NewOrder(account, spec.symbol(), side, type, TimeInForce.GTC, price, stop, quantity, 0, null));
        } else if (kind < 73) {
            long last = engine.lastPrice(spec.symbol()) > 0 ? engine.lastPrice(spec.symbol()) : mid;
            long above = last + (1 + random.nextInt(10)) * spec.tickSize();
            long below = Math.max(spec.tickSize(), last - (1 + random.nextInt(10)) * spec.tickSize());
            NewOco.Leg limitLeg;
            NewOco.Leg stopLeg;
            if (side == Side.SELL) {
                limitLeg = new NewOco.Leg(OrderType.LIMIT_MAKER, above, 0, null, null);
                stopLeg = new NewOco.Leg(OrderType.STOP_LOSS_LIMIT, below, below, TimeInForce.GTC, null);
                return engine.placeOco(new NewOco(account, spec.symbol(), side, quantity, limitLeg, stopLeg, null)).fills();
            }
            limitLeg = new NewOco.Leg(OrderType.LIMIT_MAKER, below, 0, null, null);
            stopLeg = new NewOco.Leg(OrderType.STOP_LOSS_LIMIT, above, above, TimeInForce.GTC, null);
            return engine.placeOco(new NewOco(account, spec.symbol(), side, quantity, stopLeg, limitLeg, null)).fills();
        } else if (kind < 97 && !placed.isEmpty()) {
            long id = placed.get(random.nextInt(placed.size()));
            OrderView order;
            try {
                order = engine.order(account, spec.symbol(), id, null);
            } catch (Rejection notMine) {
                return List.of();
            }
            return order.status().isFinal() ? List.of() : engine.cancel(account, spec.symbol(), id, null).fills();
        } else {
            engine.cancelAll(account, spec.symbol());
            return List.of();
        }
        placed.add(result.order().orderId());
        assertEquals(account, result.order().account());
        return result.fills();
    }
}
