package dev.tradefleet.gateway.routing;

import java.util.Optional;

/**
 * Decides once, before routing, whether a raw request path means exactly one thing. The gateway forwards the
 * raw path, so it must be one that no upstream, proxy or framework can read differently: a path is refused when
 * decoding or normalising it could change which resource it names.
 *
 * <p>Refused: paths longer than {@link #MAX_LENGTH}; characters outside RFC 3986's path characters (raw
 * backslashes, spaces, non-ASCII, controls); {@code ;} (matrix parameters, which Tomcat-style servers strip);
 * empty segments ({@code //}); {@code .} and {@code ..} segments; and percent-escapes of anything that carries
 * meaning in a path: {@code . / \ ; %} (so no encoded dot segments, encoded slashes or double encoding), escapes of
 * characters that never need one (letters, digits, {@code - _ ~}: {@code t%6fken} would dodge a blocked path), control
 * characters, malformed escapes, and escapes that are not UTF-8 (overlong forms). Escapes of other characters
 * (a space, {@code @}, an accented letter) stay allowed.
 */
public final class RequestPaths {

    public static final int MAX_LENGTH = 2048;

    /** Why a path was refused, with the status to answer. */
    public record Refusal(int status, String reason) {
    }

    private RequestPaths() {
    }

    public static Optional<Refusal> check(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return refuse("The path must start with /.");
        }
        if (raw.length() > MAX_LENGTH) {
            return Optional.of(new Refusal(414, "The path is longer than " + MAX_LENGTH + " characters."));
        }
        boolean escapesNonAscii = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int decoded = i + 2 < raw.length() ? hex(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
                if (decoded < 0) {
                    return refuse("The path has a malformed percent-escape.");
                }
                if (decoded == '.' || decoded == '/' || decoded == '\\' || decoded == ';' || decoded == '%'
                        || decoded < 0x20 || decoded == 0x7f || isUnreserved(decoded)) {
                    return refuse("The path encodes a character that changes its meaning (%" + raw.substring(i + 1, i + 3) + ").");
                }
                escapesNonAscii |= decoded >= 0x80;
                i += 2;
            } else if (!isPathCharacter(c)) {
                return refuse("The path has a character that is not allowed.");
            }
        }
        if (escapesNonAscii && !decodesToUtf8(raw)) {
            return refuse("The path's percent-escapes are not UTF-8 (an overlong or broken sequence).");
        }
        for (String segment : raw.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return refuse("The path has a dot segment.");
            }
            if (segment.isEmpty() && raw.length() > 1) {
                return refuse("The path has an empty segment.");
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 3986's unreserved characters never need escaping, so an escaped one only serves to make the path read
     * differently before and after decoding ({@code /api/auth/t%6fken} is {@code /api/auth/token}).
     */
    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~';
    }

    /** RFC 3986 pchar and "/", without ";" and without "%" (handled above). */
    private static boolean isPathCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,=:@/".indexOf(c) >= 0;
    }

    /** Overlong forms such as {@code %c0%ae} (a dot to a lenient decoder) are not UTF-8 and fail here. */
    private static boolean decodesToUtf8(String raw) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(hex(raw.charAt(i + 1), raw.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static Optional<Refusal> refuse(String reason) {
        return Optional.of(new Refusal(400, reason));
    }
}
