package dev.tradefleet.connector.venue.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** Decimal fields of venues' JSON answers, which state amounts as strings (or numbers) and leave some out or empty. */
public final class JsonFields {

    private JsonFields() {
    }

    /** The field's value; null when it is absent, null or empty. */
    public static BigDecimal decimalOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : new BigDecimal(value.asText());
    }

    /** The field's value; zero when it is absent, null or empty. */
    public static BigDecimal decimalOrZero(JsonNode node, String field) {
        BigDecimal value = decimalOrNull(node, field);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** A limit some venues state as 0 when there is none: null then. */
    public static BigDecimal limitOrNull(JsonNode node, String field) {
        BigDecimal value = decimalOrNull(node, field);
        return value == null || value.signum() <= 0 ? null : value;
    }
}
