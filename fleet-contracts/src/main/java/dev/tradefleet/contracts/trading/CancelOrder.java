package dev.tradefleet.contracts.trading;

import java.util.UUID;

/** Cancel the order that the intent {@code orderIntentId} placed. */
public record CancelOrder(UUID intentId, UUID credentialId, UUID userId, String requestedBy, String symbol,
                          UUID orderIntentId) implements TradingIntent {

    public static final String TYPE = "trading.intent.cancel-order";

    public CancelOrder {
        Checks.intent(intentId, credentialId, userId, requestedBy, symbol);
        Checks.id(orderIntentId, "orderIntentId");
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
