package dev.tradefleet.paper.matching;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnitsTest {

    @Test
    void decimalsConvertExactlyBothWays() {
        assertEquals(12_345_678_901L, Units.of("123.45678901"));
        assertEquals("0.10000000", Units.format(Units.of("0.1")));
        assertEquals(new BigDecimal("64123.10000000"), Units.toDecimal(Units.of("64123.1")));
    }

    @Test
    void moreThanEightDecimalsAreRefusedNotRounded() {
        assertThrows(IllegalArgumentException.class, () -> Units.of("0.000000001"));
        assertThrows(IllegalArgumentException.class, () -> Units.of("1e12"));
    }

    @Test
    void commissionsRoundDown() {
        assertEquals(0, Units.fraction(999, 1000), "0.00000999 × 0.1% is less than one unit: nothing");
        assertEquals(1, Units.fraction(1999, 1000));
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long amount = random.nextLong() & Long.MAX_VALUE;
            long ppm = random.nextInt(10_000);
            long reference = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(ppm))
                    .divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.DOWN).longValueExact();
            assertEquals(reference, Units.fraction(amount, ppm), amount + " × " + ppm);
        }
    }

    @Test
    void aSymbolWhoseTickAndStepNeedMoreThanEightDecimalsIsRefused() {
        assertThrows(IllegalArgumentException.class, () ->
                SymbolSpec.of("X", "A", "B", "0.00001", "0.00001", "1", "0.00001", "0.00001", "1", "0"));
    }
}
