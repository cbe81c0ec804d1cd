package dev.tradefleet.orders.placing;

/** An order that cannot be sized as asked: the message says why in the trader's terms, {@code field} names what to change. */
public final class SizingRefused extends RuntimeException {

    private final String field;

    public SizingRefused(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
