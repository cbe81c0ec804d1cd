package dev.tradefleet.connector.orders;

import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderRowTest {

    private static OrderRow row(String status, String executed) {
        return new OrderRow(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "binance", "BTCUSDT", OrderSide.BUY, "tf1",
                "42", status, new BigDecimal(executed), BigDecimal.ZERO, new BigDecimal(executed), Instant.EPOCH);
    }

    private static VenueReport report(OrderStatus status, String executed, VenueTrade... trades) {
        return new VenueReport(status, "42", new BigDecimal(executed), BigDecimal.ZERO, null, null, List.of(trades));
    }

    @Test
    void aReportThatOnlyConfirmsWhatIsRecordedChangesNothing() {
        assertTrue(row("ACCEPTED", "0").alreadyShows(report(OrderStatus.ACCEPTED, "0")));
        assertTrue(row("PARTIALLY_FILLED", "0.5").alreadyShows(report(OrderStatus.ACCEPTED, "0.2")), "a late report is behind");
        assertTrue(row("FILLED", "1").alreadyShows(report(OrderStatus.FILLED, "1.000")));
        assertTrue(row("CANCELLED", "0").alreadyShows(report(OrderStatus.ACCEPTED, "0")));
    }

    @Test
    void aReportFurtherAlongOrWithATradeIsRecorded() {
        assertFalse(row(OrderRow.SENDING, "0").alreadyShows(report(OrderStatus.ACCEPTED, "0")), "the answer was not recorded yet");
        assertFalse(row("UNKNOWN", "0").alreadyShows(report(OrderStatus.ACCEPTED, "0")));
        assertFalse(row("ACCEPTED", "0").alreadyShows(report(OrderStatus.CANCELLED, "0")));
        assertFalse(row("PARTIALLY_FILLED", "0.2").alreadyShows(report(OrderStatus.PARTIALLY_FILLED, "0.5")));
        VenueTrade trade = new VenueTrade("t1", "42", new BigDecimal("100"), new BigDecimal("0.2"), new BigDecimal("20"),
                new BigDecimal("0.02"), "USDT", true, Instant.EPOCH);
        assertFalse(row("PARTIALLY_FILLED", "0.2").alreadyShows(report(OrderStatus.PARTIALLY_FILLED, "0.2", trade)),
                "a trade may not be recorded yet: the fills table decides");
    }
}
