package dev.tradefleet.contracts.trading;

import java.util.UUID;

/**
 * What a service asks the exchange connector to do for one venue account, on {@code trading.intents.v1}, keyed
 * by the credential id so that one account's intents stay in order. The intent id is the idempotency key: the
 * venue's client order id is derived from it, so a redelivered intent never places a second order.
 */
public sealed interface TradingIntent permits PlaceOrder, CancelOrder, CancelAll, PlaceOco {

    UUID intentId();

    /** The venue account (credentials-service record) the intent acts on. */
    UUID credentialId();

    /** The user the account belongs to; the connector refuses an intent whose credential is someone else's. */
    UUID userId();

    /** Which service asked: {@code order-service}, {@code market-making}. */
    String requestedBy();

    String symbol();

    /** The CloudEvent {@code type} of this intent. */
    String eventType();
}
