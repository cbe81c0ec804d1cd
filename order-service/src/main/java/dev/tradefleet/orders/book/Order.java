package dev.tradefleet.orders.book;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order as order-service keeps it: what was asked, its place in its group, and what the venue made of it. */
public record Order(UUID id, UUID userId, UUID credentialId, String exchange, String environment, String symbol, String baseAsset,
                    String quoteAsset, String side, String type, BigDecimal quantity, BigDecimal price, String role, UUID orderGroupId,
                    UUID parentOrderId,
                    String status, String statusReason, String clientOrderId, String exchangeOrderId, BigDecimal executedQuantity,
                    BigDecimal cumulativeQuote, Instant createdAt, Instant updatedAt) {

    /** Waiting for the venue's answer: the intent is sent, the connector has not reported yet. */
    public static final String SUBMITTED = "SUBMITTED";

    /** Still able to trade (or not known not to be). */
    public boolean open() {
        return switch (status) {
            case SUBMITTED, "UNKNOWN", "ACCEPTED", "PARTIALLY_FILLED" -> true;
            default -> false;
        };
    }
}
