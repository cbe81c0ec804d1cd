package dev.tradefleet.connector.orders;

import dev.tradefleet.contracts.trading.OrderSide;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as the connector last recorded it. {@code status} is {@link #SENDING} from just before the order is
 * sent until the venue's answer is recorded, and an {@code OrderStatus} name after.
 */
public record OrderRow(UUID intentId, UUID credentialId, UUID userId, String venue, String symbol, OrderSide side,
                       String clientOrderId, String venueOrderId, String status, BigDecimal executedQuantity,
                       BigDecimal cumulativeQuoteQuantity, BigDecimal filledQuantity, Instant sentAt) {

    public static final String SENDING = "SENDING";

    public boolean sending() {
        return SENDING.equals(status);
    }

    /** Nothing more will happen to it on the venue, and every fill of it has been reported. */
    public boolean settled() {
        return switch (status) {
            case "REJECTED", "FILLED", "CANCELLED", "EXPIRED" -> filledQuantity.compareTo(executedQuantity) >= 0;
            default -> false;
        };
    }

    /**
     * Whether recording {@code report} would change nothing: it carries no trade, and neither its state nor its
     * executed quantity is further along than this (the repository moves an order forward only).
     */
    public boolean alreadyShows(VenueReport report) {
        return !sending() && report.trades().isEmpty() && progress(report.status().name()) <= progress(status)
                && report.executedQuantity().compareTo(executedQuantity) <= 0;
    }

    /** How far along a status is: in flight, unknown, accepted, partly filled, ended (as the repository ranks it). */
    private static int progress(String status) {
        return switch (status) {
            case SENDING -> 0;
            case "UNKNOWN" -> 1;
            case "ACCEPTED" -> 2;
            case "PARTIALLY_FILLED" -> 3;
            default -> 4;
        };
    }

    public boolean open() {
        return status.equals("ACCEPTED") || status.equals("PARTIALLY_FILLED");
    }
}
