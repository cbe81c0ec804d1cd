package dev.tradefleet.bench.matching;

import dev.tradefleet.paper.matching.MatchingEngine;
import dev.tradefleet.paper.matching.NewOrder;
import dev.tradefleet.paper.matching.OrderStatus;
import dev.tradefleet.paper.matching.OrderView;
import dev.tradefleet.paper.matching.Side;
import dev.tradefleet.paper.matching.SymbolSpec;
import dev.tradefleet.paper.matching.TimeInForce;
import dev.tradefleet.paper.matching.Units;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.HashMap;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The paper exchange's matching engine on one symbol in a steady state: half the operations place a passive
 * limit order 1–50 ticks from the middle, three in ten cancel one of the makers' live orders, two in ten cross
 * the spread with an IOC order about one maker order in size. Two market makers quote both sides and two takers
 * alternate sides, so no account drifts dry. The benchmark knows which of its orders are live (it drops makers
 * the engine reports FILLED) and keeps the book between 500 and 1,500 orders: outside that band it places or
 * cancels instead of following the script, inside it the 50/30/20 mix holds.
 *
 * <p>Run: {@code java -cp "bench/target/tradefleet-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main MatchingEngineBenchmark}
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class MatchingEngineBenchmark {

    static final String SYMBOL = "BTCUSDT";
    private static final long[] MAKERS = {1, 2};
    private static final long[] TAKERS = {3, 4};
    private static final int SCRIPT = 1 << 20;
    private static final int LOW = 500;
    private static final int HIGH = 1500;

    MatchingEngine engine;
    private SymbolSpec spec;
    private long mid;
    private final long[] liveIds = new long[HIGH * 4];
    private final long[] liveBy = new long[HIGH * 4];
    private final HashMap<Long, Integer> slotOf = new HashMap<>();
    private int liveCount;
    private int[] kinds;
    private int[] offsets;
    private int[] sizes;
    private int[] picks;
    private int step;

    @Setup
    public void setUp() {
        engine = new MatchingEngine(1000, 1000, System::currentTimeMillis);
        spec = SymbolSpec.of(SYMBOL, "BTC", "USDT", "0.01", "0.01", "10000000", "0.00001", "0.00001", "9000", "5");
        engine.addSymbol(spec);
        for (long account : new long[] {1, 2, 3, 4}) {
            engine.deposit(account, "BTC", Units.of("1000000"));
            engine.deposit(account, "USDT", Units.of("1000000000"));
        }
        mid = Units.of("60000");
        Random random = new Random(7);
        kinds = new int[SCRIPT];
        offsets = new int[SCRIPT];
        sizes = new int[SCRIPT];
        picks = new int[SCRIPT];
        for (int i = 0; i < SCRIPT; i++) {
            int roll = random.nextInt(10);
            kinds[i] = roll < 5 ? 0 : roll < 8 ? 1 : 2;
            offsets[i] = 1 + random.nextInt(50);
            sizes[i] = 1 + random.nextInt(100);
            picks[i] = random.nextInt(Integer.MAX_VALUE);
        }
        for (int i = 0; i < 1000; i++) {
            place(i, i % 2 == 0 ? Side.BUY : Side.SELL, 1 + (i % 50), 50);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object mixedOperations() {
        return next();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object mixedOperationsLatency() {
        return next();
    }

    int liveOrders() {
        return liveCount;
    }

    Object next() {
        int i = step++ & (SCRIPT - 1);
        Side side = (picks[i] & 1) == 0 ? Side.BUY : Side.SELL;
        int kind = liveCount < LOW ? 0 : liveCount > HIGH ? 1 : kinds[i];
        switch (kind) {
            case 0:
                return place(i, side, offsets[i], sizes[i]);
            case 1:
                return cancel(i);
            default:
                long through = side == Side.BUY ? mid + 100 * spec.tickSize() : mid - 100 * spec.tickSize();
                MatchingEngine.Result result = engine.place(NewOrder.limit(TAKERS[step & 1], SYMBOL, side, TimeInForce.IOC,
                        through, sizes[i] * 10 * spec.stepSize()));
                for (OrderView changed : result.updates()) {
                    if (changed.status() == OrderStatus.FILLED && changed.orderId() != result.order().orderId()) {
                        forget(changed.orderId());
                    }
                }
                return result;
        }
    }

    private Object place(int i, Side side, int ticksFromMid, int steps) {
        long price = side == Side.BUY ? mid - ticksFromMid * spec.tickSize() : mid + ticksFromMid * spec.tickSize();
        long maker = MAKERS[(picks[i] >>> 1) & 1];
        MatchingEngine.Result result = engine.place(NewOrder.limit(maker, SYMBOL, side, TimeInForce.GTC, price,
                steps * 10 * spec.stepSize()));
        liveIds[liveCount] = result.order().orderId();
        liveBy[liveCount] = maker;
        slotOf.put(result.order().orderId(), liveCount++);
        return result;
    }

    private Object cancel(int i) {
        int slot = picks[i] % liveCount;
        long id = liveIds[slot];
        long maker = liveBy[slot];
        forget(id);
        return engine.cancel(maker, SYMBOL, id, null);
    }

    private void forget(long id) {
        Integer slot = slotOf.remove(id);
        if (slot == null) {
            return;
        }
        int last = --liveCount;
        if (slot != last) {
            liveIds[slot] = liveIds[last];
            liveBy[slot] = liveBy[last];
            slotOf.put(liveIds[slot], slot);
        }
    }
}
