package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.matching.Units;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CandleReplayTest {

    private static final long TICK = Units.of("0.01");

    @Test
    void eachCandleIsWalkedThroughItsExtremesAndTheFileLoops() {
        CandleReplay replay = new CandleReplay(List.of(
                "# comment",
                "1,100.00,101.50,99.50,101.00,1,2,0,0,0,0,0",
                "3,101.00,101.20,100.10,100.20,1,4,0,0,0,0,0"), TICK);
        assertEquals(Units.of("100"), replay.price());
        long[] expected = {Units.of("99.5"), Units.of("101.5"), Units.of("101"), // rising: open, low, high, close
                Units.of("101"), Units.of("101.2"), Units.of("100.1"), Units.of("100.2"), // falling: open, high, low, close
                Units.of("100")};
        for (long price : expected) {
            assertEquals(price, replay.step());
        }
    }

    @Test
    void pricesAreSnappedDownToTheTick() {
        CandleReplay replay = new CandleReplay(List.of("1,100.009,100.019,100.001,100.015"), TICK);
        assertEquals(Units.of("100.00"), replay.price());
        assertEquals(Units.of("100.00"), replay.step());
        assertEquals(Units.of("100.01"), replay.step());
    }

    @Test
    void theShippedSampleReadsAndBadFilesAreRefused() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("sim/ethusdt-1m-sample.csv")) {
            CandleReplay sample = new CandleReplay(new String(in.readAllBytes()).lines().toList(), TICK);
            assertEquals(480, sample.length(), "120 candles, four prices each");
            assertEquals(Units.of("3000"), sample.price());
        }
        assertThrows(IllegalArgumentException.class, () -> new CandleReplay(List.of("# nothing"), TICK));
        assertThrows(IllegalArgumentException.class, () -> new CandleReplay(List.of("1,2,3"), TICK));
    }
}
