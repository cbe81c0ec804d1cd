package dev.tradefleet.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code id} is the idempotency key: a consumer that
 * sees the same id twice must apply it once. {@code subject} names the entity the event is about
 * (an order id, an account id) and is what consumers usually key their state on.
 */
public record EventEnvelope(
        String id,
        URI source,
        String type,
        Instant time,
        String subject,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public EventEnvelope {
        requireText(id, "id");
        Objects.requireNonNull(source, "source is required");
        requireText(type, "type");
        Objects.requireNonNull(time, "time is required");
        Objects.requireNonNull(data, "data is required");
    }

    /** A new event with a random id, stamped now. */
    public static EventEnvelope create(URI source, String type, String subject, JsonNode data) {
        return new EventEnvelope(UUID.randomUUID().toString(), source, type, Instant.now(), subject, data);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
