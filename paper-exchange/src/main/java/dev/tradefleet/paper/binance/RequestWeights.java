package dev.tradefleet.paper.binance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binance's request-weight limit per client address and minute: each endpoint costs a weight, the minute's
 * total is reported in {@code X-MBX-USED-WEIGHT-1M}, going over is refused with 429, and an address that keeps
 * going while refused is banned for a while with 418.
 */
public final class RequestWeights {

    /** {@code status} 200 when the request may proceed; otherwise 429 or 418 and when to come back. */
    public record Decision(int status, long usedWeight, long retryAfterSeconds) {
    }

    private static final long MINUTE = 60_000;
    private static final int VIOLATIONS_BEFORE_BAN = 10;
    private static final long BAN = 2 * MINUTE;

    private static final class Window {
        long minute;
        long used;
        int violations;
        long bannedUntil;
    }

    private final long limit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RequestWeights(long limit) {
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    public Decision charge(String address, long weight, long now) {
        Window w = windows.computeIfAbsent(address, a -> new Window());
        synchronized (w) {
            long minute = now - now % MINUTE;
            if (w.minute != minute) {
                w.minute = minute;
                w.used = 0;
                w.violations = 0;
            }
            if (w.bannedUntil > now) {
                return new Decision(418, w.used, seconds(w.bannedUntil - now));
            }
            if (w.used + weight > limit) {
                if (++w.violations > VIOLATIONS_BEFORE_BAN) {
                    w.bannedUntil = now + BAN;
                    return new Decision(418, w.used, seconds(BAN));
                }
                return new Decision(429, w.used, seconds(minute + MINUTE - now));
            }
            w.used += weight;
            return new Decision(200, w.used, 0);
        }
    }

    /** What Binance charges for an endpoint (the values of its documentation, simplified where they vary little). */
    public static long weightOf(String method, String path, String symbol, String limit) {
        return switch (path) {
            case "/api/v3/ping", "/api/v3/time" -> 1;
            case "/api/v3/exchangeInfo", "/api/v3/allOrders", "/api/v3/myTrades", "/api/v3/account" -> 20;
            case "/api/v3/depth" -> depthWeight(limit);
            case "/api/v3/trades" -> 25;
            case "/api/v3/klines", "/api/v3/ticker/24hr", "/api/v3/ticker/bookTicker", "/api/v3/avgPrice" -> 2;
            case "/api/v3/ticker/price" -> symbol == null ? 4 : 2;
            case "/api/v3/order" -> method.equals("GET") ? 4 : 1;
            case "/api/v3/openOrders" -> method.equals("GET") ? (symbol == null ? 80 : 6) : 1;
            case "/api/v3/orderList" -> method.equals("GET") ? 4 : 1;
            case "/api/v3/openOrderList" -> 6;
            case "/sapi/v1/capital/config/getall", "/sapi/v1/margin/allPairs", "/sapi/v1/margin/isolated/allPairs",
                 "/sapi/v1/capital/deposit/address" -> 10;
            default -> 1;
        };
    }

    private static long depthWeight(String limit) {
        int n;
        try {
            n = limit == null ? 100 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            n = 100;
        }
        return n <= 100 ? 5 : n <= 500 ? 25 : n <= 1000 ? 50 : 250;
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
