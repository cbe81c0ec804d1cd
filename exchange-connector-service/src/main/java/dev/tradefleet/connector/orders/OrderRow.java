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

    public boolean open() {
        return status.equals("ACCEPTED") || status.equals("PARTIALLY_FILLED");
    }
}
