package dev.tradefleet.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BackoffTest {

    @Test
    void growsExponentiallyUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));
        assertEquals(Duration.ofMillis(100), backoff.after(1));
        assertEquals(Duration.ofMillis(200), backoff.after(2));
        assertEquals(Duration.ofMillis(1600), backoff.after(5));
        assertEquals(Duration.ofSeconds(30), backoff.after(40));
        assertFalse(backoff.after(1000).isNegative());
        assertEquals(Duration.ofMillis(100), backoff.after(0));
    }
}
