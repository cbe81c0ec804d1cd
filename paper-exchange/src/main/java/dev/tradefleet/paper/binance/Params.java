package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.matching.Units;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request's parameters as Binance reads them: from the query string and the form body together, with the
 * signed payload (everything but {@code signature}, encoded as sent) kept for verification.
 */
public final class Params {

    private static final Pattern DECIMAL = Pattern.compile("^([0-9]{1,20})(\\.[0-9]{1,20})?$");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final String signedPayload;
    private final String signature;

    private Params(String query, String body) {
        StringBuilder payload = new StringBuilder();
        String sig = null;
        for (String part : new String[] {query, body}) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            StringBuilder unsigned = new StringBuilder();
            for (String pair : part.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name.equals("signature")) {
                    sig = value;
                    continue;
                }
                if (values.containsKey(name)) {
                    throw BinanceException.badRequest(-1101, "Duplicate values for parameter '" + name + "'.");
                }
                values.put(name, value);
                unsigned.append(unsigned.length() == 0 ? "" : "&").append(pair);
            }
            payload.append(unsigned);
        }
        this.signedPayload = payload.toString();
        this.signature = sig;
    }

    public static Params of(String rawQuery, String rawBody) {
        return new Params(rawQuery, rawBody);
    }

    public String signedPayload() {
        return signedPayload;
    }

    public String signature() {
        return signature;
    }

    public String optional(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw BinanceException.mandatory(name);
        }
        return value;
    }

    /** An order is named by {@code orderId} or {@code origClientOrderId}: one of them must be sent. */
    public void requireOrderReference() {
        if (optional("orderId") == null && optional("origClientOrderId") == null) {
            throw BinanceException.badRequest(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
    }

    /** A decimal parameter in engine units; 0 when absent. */
    public long units(String name) {
        String value = optional(name);
        if (value == null) {
            return 0;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw BinanceException.badRequest(-1100, "Illegal characters found in parameter '" + name
                    + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        }
        try {
            return Units.of(new BigDecimal(value));
        } catch (IllegalArgumentException e) {
            throw BinanceException.badRequest(-1111, "Parameter '" + name + "' has too much precision.");
        }
    }

    public long longValue(String name, long fallback) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw BinanceException.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,20}$'.");
        }
    }

    /** The {@code limit} parameter: {@code fallback} when absent, at most {@code max}, refused when not a positive integer. */
    public int limit(int fallback, int max) {
        return limit(optional("limit"), fallback, max);
    }

    public static int limit(String raw, int fallback, int max) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        if (!raw.matches("[0-9]{1,10}") || Long.parseLong(raw) < 1) {
            throw BinanceException.badRequest(-1100, "Illegal characters found in parameter 'limit'; legal range is '1-" + max + "'.");
        }
        return (int) Math.min(Long.parseLong(raw), max);
    }

    /** An epoch-millisecond parameter, or null when absent. */
    public static Long epochMillis(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!raw.matches("[0-9]{1,15}")) {
            throw BinanceException.badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,15}$'.");
        }
        return Long.parseLong(raw);
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type, int code, String message) {
        String value = required(name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw BinanceException.badRequest(code, message);
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BinanceException.badRequest(-1100, "Illegal characters found in a parameter.");
        }
    }
}
