package dev.tradefleet.paper.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's SIGNED scheme: HMAC-SHA256, keyed with the secret key, over the percent-encoded parameters exactly
 * as sent (the query string followed by the body), without the {@code signature} parameter; hex, either case.
 */
public final class Signatures {

    private Signatures() {
    }

    public static String sign(String secretKey, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, so that timing does not reveal how much of a forged signature was right. */
    public static boolean verify(String secretKey, String payload, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(secretKey, payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
