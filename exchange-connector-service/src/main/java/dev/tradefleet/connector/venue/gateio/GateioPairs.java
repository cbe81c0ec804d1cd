package dev.tradefleet.connector.venue.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.Blocking;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.VenueBusy;
import dev.tradefleet.connector.venue.VenueRejection;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Gate.io names a market by its pair ({@code BTC_USDT}), the fleet by its symbol ({@code BTCUSDT}). Which underscore
 * splits a symbol is only known from the venue's list of pairs: read once an hour (one call for everyone asking
 * meanwhile), and again for a symbol it does not know (at most every 10 s), in case the pair was listed since. A
 * failed read keeps the last good list; with none yet, callers are told to come back ("not now": nothing was sent).
 * Two pairs that would be one symbol are left out, never confused.
 */
final class GateioPairs {

    private static final Duration FRESH_FOR = Duration.ofHours(1);
    private static final Duration UNKNOWN_SYMBOL_RECHECK = Duration.ofSeconds(10);
    private static final Duration COME_BACK = Duration.ofSeconds(5);

    private final GateioHttp http;
    private Map<String, JsonNode> known;
    private CompletableFuture<Map<String, JsonNode>> reading;
    private Instant readAt = Instant.MIN;

    GateioPairs(GateioHttp http) {
        this.http = http;
    }

    /** The pair of {@code symbol}; fails with a rejection the fleet shows as an unknown symbol when Gate.io has none. */
    CompletionStage<String> pairOf(String symbol) {
        return all(false).thenCompose(pairs -> pairs.containsKey(symbol) ? CompletableFuture.completedFuture(pairs) : all(true))
                .thenApply(pairs -> {
                    JsonNode pair = pairs.get(symbol);
                    if (pair == null) {
                        throw new VenueRejection("INVALID_CURRENCY_PAIR", "gate.io has no pair for " + symbol);
                    }
                    return pair.path("id").asText();
                });
    }

    /** Every pair Gate.io lists, by the fleet's symbol: the last good list, read again when stale (or, with {@code again}, when due). */
    synchronized CompletableFuture<Map<String, JsonNode>> all(boolean again) {
        Instant now = http.now();
        boolean due = known == null || now.isAfter(readAt.plus(FRESH_FOR)) || again && now.isAfter(readAt.plus(UNKNOWN_SYMBOL_RECHECK));
        if (due && reading == null) {
            readAt = now;
            reading = read();
        }
        if (known != null && !again) {
            return CompletableFuture.completedFuture(known);
        }
        return reading == null ? CompletableFuture.completedFuture(known) : reading;
    }

    private CompletableFuture<Map<String, JsonNode>> read() {
        return http.get("/spot/currency_pairs", Map.of(), VenueRequest.marketData(1)).handle((list, failure) -> {
            synchronized (this) {
                reading = null;
                if (failure == null) {
                    known = bySymbol(list);
                } else if (known == null) {
                    throw new VenueBusy("gate.io's list of pairs could not be read (" + Blocking.cause(failure).getMessage() + ")", COME_BACK);
                }
                return known;
            }
        }).toCompletableFuture();
    }

    private static Map<String, JsonNode> bySymbol(JsonNode list) {
        Map<String, JsonNode> bySymbol = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        list.forEach(pair -> {
            String symbol = symbol(pair.path("id").asText());
            if (bySymbol.putIfAbsent(symbol, pair) != null) {
                ambiguous.add(symbol);
            }
        });
        ambiguous.forEach(bySymbol::remove);
        return Map.copyOf(bySymbol);
    }

    /** The fleet's symbol of a Gate.io pair. */
    static String symbol(String pair) {
        return pair.replace("_", "");
    }
}
