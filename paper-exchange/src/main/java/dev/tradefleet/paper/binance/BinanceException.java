package dev.tradefleet.paper.binance;

/** An error answered exactly as Binance answers it: HTTP status and {@code {"code": -1022, "msg": "…"}}. */
public class BinanceException extends RuntimeException {

    private final int code;
    private final int status;

    public BinanceException(int status, int code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public static BinanceException badRequest(int code, String message) {
        return new BinanceException(400, code, message);
    }

    public static BinanceException mandatory(String parameter) {
        return badRequest(-1102, "Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
    }

    public int code() {
        return code;
    }

    public int status() {
        return status;
    }
}
