package dev.tradefleet.connector.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A deposit or withdrawal history read whole. Venues answer a span of time with at most a page of records, and
 * share no way to read on from a full answer; so a span whose answer was full is read again as two halves, until
 * every answer holds less than a page. A record the venue lists in both halves (on their common instant) counts once.
 * A history can thus be trusted for what it lacks: a withdrawal not in it was not made (from the first instant read).
 */
public final class WalletHistory {

    /** How a venue answers for one span of time: its records from {@code from} to {@code to}, a page of them at most. */
    @FunctionalInterface
    public interface Span<T> {
        CompletionStage<List<T>> read(Instant from, Instant to);
    }

    private WalletHistory() {
    }

    /**
     * Every record from {@code from} to {@code to}; {@code finest} is the shortest span the venue tells apart (its
     * times' unit). Fails with {@link AmbiguousOutcome} when a span that short still fills a page.
     */
    public static <T> CompletionStage<List<T>> whole(Instant from, Instant to, int page, Duration finest, Span<T> span, Function<T, String> id) {
        return span.read(from, to).thenCompose(records -> {
            if (records.size() < page) {
                return CompletableFuture.completedFuture(records);
            }
            Duration length = Duration.between(from, to);
            if (length.compareTo(finest.multipliedBy(2)) < 0) {
                return CompletableFuture.failedFuture(new AmbiguousOutcome("more than " + (page - 1) + " records between " + from
                        + " and " + to + ": the history cannot be read whole", null));
            }
            Instant middle = from.plus(length.dividedBy(2));
            return whole(from, middle, page, finest, span, id).thenCompose(earlier -> whole(middle, to, page, finest, span, id)
                    .thenApply(later -> {
                        Map<String, T> byId = new LinkedHashMap<>();
                        earlier.forEach(record -> byId.putIfAbsent(id.apply(record), record));
                        later.forEach(record -> byId.putIfAbsent(id.apply(record), record));
                        return new ArrayList<>(byId.values());
                    }));
        });
    }
}
