package dev.tradefleet.contracts.trading;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

/** What every trading payload checks on construction, so that a malformed event fails to parse (and goes to the DLQ). */
final class Checks {

    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9._:/-]+");

    private Checks() {
    }

    /** The fields every intent carries. */
    static void intent(java.util.UUID intentId, java.util.UUID credentialId, java.util.UUID userId, String requestedBy, String symbol) {
        id(intentId, "intentId");
        id(credentialId, "credentialId");
        id(userId, "userId");
        text(requestedBy, "requestedBy");
        text(symbol, "symbol");
    }

    /** The fields every report of an order's fate carries. */
    static void execution(java.util.UUID intentId, java.util.UUID credentialId, java.util.UUID userId, String venue, String symbol,
                          String clientOrderId) {
        id(intentId, "intentId");
        id(credentialId, "credentialId");
        id(userId, "userId");
        text(venue, "venue");
        text(symbol, "symbol");
        text(clientOrderId, "clientOrderId");
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 64 || !TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to 64 of A-Z a-z 0-9 . _ : / -");
        }
        return value;
    }

    static UUID id(UUID value, String field) {
        return present(value, field);
    }

    /** A positive amount, or null where the field is optional. */
    static BigDecimal positive(BigDecimal value, String field) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
        return value;
    }

    static BigDecimal notNegative(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        return value;
    }
}
