package dev.tradefleet.connector.orders;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The venue's client order id of an intent: derived from the intent id and nothing else, so a redelivered intent
 * asks for the same id (and the venue refuses a second order), and an id read back from the venue names its
 * intent. {@code tf} and the intent id in lowercase base32, 28 characters of {@code [a-z2-7]}: within Binance's
 * {@code ^[a-zA-Z0-9-_]{1,36}$}, and Gate.io's 28 characters after its required {@code t-} prefix. A stop-limit's id
 * begins {@code ts} instead: where a venue keeps trigger orders apart from orders (Bitget's plan orders), its adapter
 * tells by the id alone which of the two to look in, after a restart too.
 */
public final class ClientOrderIds {

    private static final String PREFIX = "tf";
    private static final String TRIGGER_PREFIX = "ts";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final char[] BASE32 = ALPHABET.toCharArray();
    private static final int LENGTH = PREFIX.length() + 26;
    private static final Pattern ENCODED = Pattern.compile("[a-z2-7]{26}");

    public enum Venue { BINANCE, MEXC, BITGET, GATEIO }

    private ClientOrderIds() {
    }

    public static String of(UUID intentId, Venue venue) {
        return withVenuePrefix(PREFIX + encode(intentId), venue);
    }

    /** The id of a stop-limit order: one that waits for its trigger price before it becomes an order. */
    public static String ofTrigger(UUID intentId, Venue venue) {
        return withVenuePrefix(TRIGGER_PREFIX + encode(intentId), venue);
    }

    /** Whether {@code clientOrderId} is one of ours for a stop-limit order. */
    public static boolean isTrigger(String clientOrderId) {
        return intentOf(clientOrderId) != null && withoutVenuePrefix(clientOrderId).startsWith(TRIGGER_PREFIX);
    }

    private static String withVenuePrefix(String id, Venue venue) {
        return venue == Venue.GATEIO ? "t-" + id : id;
    }

    private static String withoutVenuePrefix(String clientOrderId) {
        return clientOrderId.startsWith("t-") ? clientOrderId.substring(2) : clientOrderId;
    }

    /** The intent an id of ours names; null for ids we did not make (orders placed outside tradefleet). */
    public static UUID intentOf(String clientOrderId) {
        if (clientOrderId == null) {
            return null;
        }
        String id = withoutVenuePrefix(clientOrderId);
        if (id.length() != LENGTH || !(id.startsWith(PREFIX) || id.startsWith(TRIGGER_PREFIX))
                || !ENCODED.matcher(id.substring(PREFIX.length())).matches()) {
            return null;
        }
        return decode(id.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
    }

    private static String encode(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(17);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        byte[] data = bytes.array();
        StringBuilder out = new StringBuilder(26);
        for (int bit = 0; bit < 130; bit += 5) {
            int index = bit / 8;
            int offset = bit % 8;
            int value = ((data[index] & 0xff) << 8 | (index + 1 < data.length ? data[index + 1] & 0xff : 0)) >> (11 - offset) & 0x1f;
            out.append(BASE32[value]);
        }
        return out.toString();
    }

    private static UUID decode(String text) {
        byte[] data = new byte[17];
        for (int i = 0; i < 26; i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            int bit = i * 5;
            int shifted = value << (11 - bit % 8);
            data[bit / 8] |= (byte) (shifted >> 8);
            if (bit / 8 + 1 < data.length) {
                data[bit / 8 + 1] |= (byte) shifted;
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
