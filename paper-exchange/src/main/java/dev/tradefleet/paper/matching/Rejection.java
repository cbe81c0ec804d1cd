package dev.tradefleet.paper.matching;

/** A request the engine refuses, with Binance's error code and message, so the API can pass them on unchanged. */
public class Rejection extends RuntimeException {

    public static final int FILTER_FAILURE = -1013;
    public static final int NEW_ORDER_REJECTED = -2010;
    public static final int CANCEL_REJECTED = -2011;
    public static final int NO_SUCH_ORDER = -2013;
    public static final int BAD_SYMBOL = -1121;
    public static final int INVALID_PARAMETER = -1102;
    /** Binance's wallet code for a withdrawal the free balance does not cover. */
    public static final int INSUFFICIENT_BALANCE = -4026;

    private final int code;

    public Rejection(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Rejection filter(String filter) {
        return new Rejection(FILTER_FAILURE, "Filter failure: " + filter);
    }

    static Rejection insufficientBalance() {
        return new Rejection(NEW_ORDER_REJECTED, "Account has insufficient balance for requested action.");
    }
}
