package dev.tradefleet.paper.sim;

import dev.tradefleet.paper.matching.Units;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceWalkTest {

    private static final long TICK = Units.of("0.01");

    private static List<Long> path(long seed, int steps) {
        PriceWalk walk = new PriceWalk(seed, Units.of("600"), TICK, 0, 0.001);
        List<Long> prices = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            prices.add(walk.step());
        }
        return prices;
    }

    @Test
    void theSameSeedGivesTheSamePath() {
        assertEquals(path(7, 500), path(7, 500));
        assertNotEquals(path(7, 500), path(8, 500));
    }

    @Test
    void everyPriceIsOnTheTickGridAndPositive() {
        for (long price : path(3, 5000)) {
            assertEquals(0, price % TICK);
            assertTrue(price >= TICK);
        }
    }

    @Test
    void driftMovesThePriceTheWayItPoints() {
        PriceWalk up = new PriceWalk(1, Units.of("100"), TICK, 0.001, 0);
        for (int i = 0; i < 100; i++) {
            up.step();
        }
        assertTrue(up.price() > Units.of("109"), "1% × 100 steps compounds to about +10.5%: " + Units.format(up.price()));
    }

    @Test
    void aSetPriceIsRoundedDownToTheGrid() {
        PriceWalk walk = new PriceWalk(1, Units.of("100"), TICK, 0, 0);
        walk.set(Units.of("101.239"));
        assertEquals(Units.of("101.23"), walk.price());
    }
}
