package dev.tradefleet.contracts.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What became of an intent's order, on {@code trading.order-updates.v1} keyed by the credential id; published
 * once per venue event. A rejection carries the venue's code and message; {@link OrderStatus#UNKNOWN} is never a
 * rejection: the order stays in flight until the venue is asked by client order id.
 */
public record OrderUpdate(UUID intentId, UUID credentialId, UUID userId, String venue, String symbol, String clientOrderId,
                          String venueOrderId, OrderStatus status, String reasonCode, String reasonMessage,
                          BigDecimal executedQuantity, BigDecimal cumulativeQuoteQuantity, Instant time) {

    public static final String TYPE = "trading.order-update";

    public OrderUpdate {
        Checks.execution(intentId, credentialId, userId, venue, symbol, clientOrderId);
        Checks.present(status, "status");
        Checks.present(time, "time");
        executedQuantity = Checks.notNegative(executedQuantity == null ? BigDecimal.ZERO : executedQuantity, "executedQuantity");
        cumulativeQuoteQuantity = Checks.notNegative(cumulativeQuoteQuantity == null ? BigDecimal.ZERO : cumulativeQuoteQuantity,
                "cumulativeQuoteQuantity");
        if (status == OrderStatus.REJECTED && (reasonCode == null || reasonMessage == null)) {
            throw new IllegalArgumentException("a rejection carries the venue's code and message");
        }
    }
}
