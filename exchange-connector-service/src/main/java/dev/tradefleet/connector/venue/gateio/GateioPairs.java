package dev.tradefleet.connector.venue.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.VenueRejection;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Gate.io names a market by its pair ({@code BTC_USDT}), the fleet by its symbol ({@code BTCUSDT}). Which underscore
 * splits a symbol is only known from the venue's list of pairs: read once an hour (one call for everyone asking
 * meanwhile), and again at once for a symbol it does not know, in case the pair was listed since.
 */
final class GateioPairs {

    private static final Duration FRESH_FOR = Duration.ofHours(1);

    private final GateioHttp http;
    private CompletableFuture<Map<String, JsonNode>> pairs;
    private Instant readAt = Instant.MIN;

    GateioPairs(GateioHttp http) {
        this.http = http;
    }

    /** The pair of {@code symbol}; fails with a rejection the fleet shows as an unknown symbol when Gate.io has none. */
    CompletionStage<String> pairOf(String symbol) {
        return all(false).thenCompose(known -> known.containsKey(symbol) ? CompletableFuture.completedFuture(known)
                : all(true)).thenApply(known -> {
                    JsonNode pair = known.get(symbol);
                    if (pair == null) {
                        throw new VenueRejection("INVALID_CURRENCY_PAIR", "gate.io has no pair for " + symbol);
                    }
                    return pair.path("id").asText();
                });
    }

    /** Every pair Gate.io lists, by the fleet's symbol. */
    synchronized CompletableFuture<Map<String, JsonNode>> all(boolean again) {
        Instant now = http.now();
        boolean stale = pairs == null || pairs.isCompletedExceptionally() || now.isAfter(readAt.plus(FRESH_FOR));
        boolean beingRead = pairs != null && !pairs.isDone();
        if (stale || again && !beingRead && now.isAfter(readAt.plusSeconds(10))) {
            readAt = now;
            pairs = http.get("/spot/currency_pairs", Map.of(), VenueRequest.marketData(1)).thenApply(list -> {
                Map<String, JsonNode> bySymbol = new HashMap<>();
                list.forEach(pair -> bySymbol.put(symbol(pair.path("id").asText()), pair));
                return Map.copyOf(bySymbol);
            }).toCompletableFuture();
        }
        return pairs;
    }

    /** The fleet's symbol of a Gate.io pair. */
    static String symbol(String pair) {
        return pair.replace("_", "");
    }
}
