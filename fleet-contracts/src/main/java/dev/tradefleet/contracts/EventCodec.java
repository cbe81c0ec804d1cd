package dev.tradefleet.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Encodes and decodes {@link EventEnvelope}s as CloudEvents 1.0 structured JSON, and converts payloads
 * to and from records. Amounts ({@link BigDecimal}) are written as JSON strings so that no consumer
 * ever reads money through a binary floating point type.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = newMapper();

    private EventCodec() {
    }

    /** The mapper every service uses for event payloads: decimals as strings, ISO-8601 instants. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }

    public static byte[] encode(EventEnvelope event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("specversion", EventEnvelope.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source().toString());
        node.put("type", event.type());
        node.put("time", event.time().toString());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        node.put("datacontenttype", EventEnvelope.DATA_CONTENT_TYPE);
        node.set("data", event.data());
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " could not be encoded", e);
        }
    }

    /** Parses and validates an event; anything that is not a well-formed CloudEvent 1.0 is refused. */
    public static EventEnvelope decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("empty message");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedEventException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("an event must be a JSON object");
        }
        String specVersion = text(node, "specversion");
        if (!EventEnvelope.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported specversion '" + specVersion + "'");
        }
        JsonNode data = node.get("data");
        if (data == null || data.isNull()) {
            throw new MalformedEventException("missing data");
        }
        String contentType = node.path("datacontenttype").asText(EventEnvelope.DATA_CONTENT_TYPE);
        if (!contentType.startsWith(EventEnvelope.DATA_CONTENT_TYPE)) {
            throw new MalformedEventException("unsupported datacontenttype '" + contentType + "'");
        }
        try {
            return new EventEnvelope(text(node, "id"), uri(text(node, "source")), text(node, "type"),
                    instant(text(node, "time")), node.hasNonNull("subject") ? node.get("subject").asText() : null, data);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    /** Reads the payload of {@code event} as {@code type}. */
    public static <T> T payload(EventEnvelope event, Class<T> type) {
        try {
            return MAPPER.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + " has no valid " + type.getSimpleName()
                    + " payload: " + e.getMessage(), e);
        }
    }

    /** Turns a payload record into the JSON tree carried in an envelope's {@code data}. */
    public static JsonNode toData(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("missing or non-text attribute '" + field + "'");
        }
        return value.asText();
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new MalformedEventException("source is not a URI-reference: " + value, e);
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("time is not an RFC 3339 timestamp: " + value, e);
        }
    }
}
