package dev.tradefleet.connector.venue.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/** The keyed hashes venues sign with. Secrets go in as strings and never come out. */
public final class Hmac {

    private Hmac() {
    }

    public static String sha256Hex(String secret, String message) {
        return HexFormat.of().formatHex(mac("HmacSHA256", secret, message));
    }

    /** Binance's scheme, which MEXC follows too: HMAC-SHA256, hex, over the query string then the body as sent. */
    public static String queryAndBody(String secret, String query, String body) {
        return sha256Hex(secret, (query == null ? "" : query) + (body == null ? "" : body));
    }

    public static String sha256Base64(String secret, String message) {
        return Base64.getEncoder().encodeToString(mac("HmacSHA256", secret, message));
    }

    public static String sha512Hex(String secret, String message) {
        return HexFormat.of().formatHex(mac("HmacSHA512", secret, message));
    }

    public static String sha512HexOf(String message) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is missing from this JVM", e);
        }
    }

    private static byte[] mac(String algorithm, String secret, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
