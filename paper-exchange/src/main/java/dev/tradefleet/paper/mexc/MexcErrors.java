package dev.tradefleet.paper.mexc;

import java.util.Map;

/**
 * MEXC's error codes for the refusals the exchange's core states in Binance's terms (both answer
 * {@code {"code","msg"}}). Codes MEXC shares with Binance ({@code -2011} unknown order on cancel, {@code -2013}
 * order does not exist) and MEXC's own pass unchanged. Where MEXC documents no code for a case (a post-only order
 * that would take, a duplicate client order id) the nearest documented one is used.
 */
final class MexcErrors {

    record Error(int status, int code, String msg) {
    }

    private static final Map<Integer, Error> BY_BINANCE_CODE = Map.ofEntries(
            // a request without a valid key is turned away as a stranger (401), as on the Binance face
            Map.entry(-2014, new Error(401, 700001, "API-key format invalid.")),
            Map.entry(-2015, new Error(401, 10072, "Api key info invalid")),
            Map.entry(-1022, new Error(400, 700002, "Signature for this request is not valid.")),
            Map.entry(-1021, new Error(400, 700003, "Timestamp for this request is outside of the recvWindow.")),
            Map.entry(-1131, new Error(400, 700005, "recvWindow must less than 60000")),
            Map.entry(-1100, new Error(400, 700008, "Illegal characters found in parameter")),
            Map.entry(-1101, new Error(400, 33333, "param is error")),
            Map.entry(-1111, new Error(400, 10096, "amount decimal places is too long")),
            Map.entry(-1117, new Error(400, 33333, "param is error")),
            Map.entry(-1120, new Error(400, 33333, "param is error")),
            Map.entry(-1023, new Error(400, 33333, "param is error")),
            Map.entry(-1121, new Error(400, 10007, "bad symbol")),
            // the wallet's refusals
            Map.entry(-4019, new Error(400, 10232, "currency does not exist")),
            Map.entry(-4022, new Error(400, 10097, "amount is error")),
            Map.entry(-4026, new Error(400, 10101, "Insufficient balance")),
            Map.entry(-5007, new Error(400, 10102, "amount cannot be zero or negative")),
            Map.entry(-4047, new Error(400, 33333, "param is error")));

    private MexcErrors() {
    }

    static Error of(int status, int code, String message) {
        Error mapped = BY_BINANCE_CODE.get(code);
        if (mapped != null) {
            return mapped;
        }
        return switch (code) {
            // an unknown path, a bad method, a failure of ours: MEXC's code is the HTTP status
            case -1000 -> new Error(status, status, message);
            case -1102 -> message.contains("'orderId'")
                    ? new Error(400, 700004, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null")
                    : message.startsWith("Mandatory") ? new Error(400, 44444, "param cannot be null")
                    : new Error(400, 33333, "param is error");
            case -1013 -> message.contains("NOTIONAL")
                    ? new Error(400, 30002, "The minimum transaction volume cannot be less than the symbol's quoteAmountPrecision")
                    : new Error(400, 10096, "amount decimal places is too long");
            case -2010 -> message.contains("insufficient balance") ? new Error(400, 30004, "Insufficient position")
                    : message.contains("Duplicate") ? new Error(400, 26, "operation not allowed")
                    : new Error(400, MexcApi.UNSUPPORTED_ORDER_TYPE, "current order type can not place order");
            default -> new Error(status, code, message);
        };
    }
}
