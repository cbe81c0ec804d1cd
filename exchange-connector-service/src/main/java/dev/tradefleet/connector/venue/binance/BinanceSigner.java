package dev.tradefleet.connector.venue.binance;

import dev.tradefleet.connector.venue.signing.Hmac;

/**
 * Binance Spot v3 SIGNED requests: HMAC-SHA256, hex, over the query string followed directly by the body, both
 * exactly as sent; the result goes in the {@code signature} parameter, the key in {@code X-MBX-APIKEY}.
 */
public final class BinanceSigner {

    public static final String API_KEY_HEADER = "X-MBX-APIKEY";

    private BinanceSigner() {
    }

    public static String signature(String secret, String query, String body) {
        return Hmac.queryAndBody(secret, query, body);
    }
}
