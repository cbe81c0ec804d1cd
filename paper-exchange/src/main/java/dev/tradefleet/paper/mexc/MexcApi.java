package dev.tradefleet.paper.mexc;

/** Where the exchange's MEXC face answers: its paths, under a prefix of their own beside Binance's. */
final class MexcApi {

    static final String PREFIX = "/mexc";
    /** MEXC's "current order type can not place order": the answer to the stop and OCO orders MEXC does not have. */
    static final int UNSUPPORTED_ORDER_TYPE = 30041;

    private MexcApi() {
    }

    static boolean serves(String path) {
        return path != null && path.startsWith(PREFIX + "/");
    }
}
