package dev.tradefleet.connector.venue.bitget;

import dev.tradefleet.connector.venue.signing.Hmac;

/**
 * Bitget API v2: HMAC-SHA256, Base64, over {@code timestamp + METHOD + path [+ "?" + query] + body} with the
 * timestamp in milliseconds; headers {@code ACCESS-KEY}, {@code ACCESS-SIGN}, {@code ACCESS-TIMESTAMP},
 * {@code ACCESS-PASSPHRASE}.
 */
public final class BitgetSigner {

    private BitgetSigner() {
    }

    public static String signature(String secret, long timestampMillis, String method, String path, String query, String body) {
        String target = query == null || query.isEmpty() ? path : path + "?" + query;
        return Hmac.sha256Base64(secret, timestampMillis + method.toUpperCase(java.util.Locale.ROOT) + target
                + (body == null ? "" : body));
    }
}
