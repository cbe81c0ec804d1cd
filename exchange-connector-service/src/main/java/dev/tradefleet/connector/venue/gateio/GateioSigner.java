package dev.tradefleet.connector.venue.gateio;

import dev.tradefleet.connector.venue.signing.Hmac;

/**
 * Gate.io API v4: HMAC-SHA512, hex, over {@code METHOD\npath\nquery\nhex(SHA-512(body))\ntimestamp} with the
 * query exactly as in the URL (not re-encoded) and the timestamp in seconds; headers {@code KEY},
 * {@code Timestamp}, {@code SIGN}.
 */
public final class GateioSigner {

    private GateioSigner() {
    }

    public static String signature(String secret, String method, String path, String query, String body, long timestampSeconds) {
        String payload = method + "\n" + path + "\n" + (query == null ? "" : query) + "\n"
                + Hmac.sha512HexOf(body == null ? "" : body) + "\n" + timestampSeconds;
        return Hmac.sha512Hex(secret, payload);
    }
}
