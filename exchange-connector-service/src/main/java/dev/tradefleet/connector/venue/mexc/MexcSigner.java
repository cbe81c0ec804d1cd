package dev.tradefleet.connector.venue.mexc;

import dev.tradefleet.connector.venue.signing.Hmac;

/**
 * MEXC Spot v3 signed requests: Binance's scheme (HMAC-SHA256, lowercase hex, over the query string followed
 * directly by the body, in {@code signature}), with the key in {@code X-MEXC-APIKEY}.
 */
public final class MexcSigner {

    public static final String API_KEY_HEADER = "X-MEXC-APIKEY";

    private MexcSigner() {
    }

    public static String signature(String secret, String query, String body) {
        return Hmac.queryAndBody(secret, query, body);
    }
}
