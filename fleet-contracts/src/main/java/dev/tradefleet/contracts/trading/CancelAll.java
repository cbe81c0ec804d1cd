package dev.tradefleet.contracts.trading;

import java.util.UUID;

/** Cancel every open order of the account on one symbol. */
public record CancelAll(UUID intentId, UUID credentialId, UUID userId, String requestedBy, String symbol)
        implements TradingIntent {

    public static final String TYPE = "trading.intent.cancel-all";

    public CancelAll {
        Checks.intent(intentId, credentialId, userId, requestedBy, symbol);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
