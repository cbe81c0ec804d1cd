package dev.tradefleet.messaging.outbox;

/** An outbox row not yet acknowledged by the broker. */
public record PendingEvent(long id, String topic, String key, String eventId, byte[] payload) {
}
