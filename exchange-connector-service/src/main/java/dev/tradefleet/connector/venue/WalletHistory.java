package dev.tradefleet.connector.venue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
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
     * How far past our clock a history is read: a venue whose clock is ahead of ours stamps a withdrawal made just
     * now later than our "now", and a history ending at our "now" would lack it (and a retry would make it again).
     */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);
    /** The most calls one history may cost: a history denser than that is ambiguous rather than a storm of calls. */
    static final int MAX_CALLS = 64;

    /**
     * Every record from {@code since} until now (a minute past our clock), no further back than one answer of the
     * venue may reach; {@code finest} is the shortest span the venue tells apart (its times' unit).
     */
    public static <T> CompletionStage<List<T>> since(Instant since, Clock clock, Duration reach, int page, Duration finest, Span<T> span,
                                                     Function<T, String> id) {
        Instant end = clock.instant().plus(CLOCK_MARGIN);
        Instant earliest = end.minus(reach);
        return whole(since.isBefore(earliest) ? earliest : since, end, page, finest, span, id);
    }

    /**
     * Every record from {@code from} to {@code to}. Fails with {@link AmbiguousOutcome} when a span as short as
     * {@code finest} still fills a page, or when reading it whole would take more than {@value #MAX_CALLS} calls.
     */
    static <T> CompletionStage<List<T>> whole(Instant from, Instant to, int page, Duration finest, Span<T> span, Function<T, String> id) {
        return whole(from, to, page, finest, span, id, new AtomicInteger(MAX_CALLS));
    }

    private static <T> CompletionStage<List<T>> whole(Instant from, Instant to, int page, Duration finest, Span<T> span,
                                                      Function<T, String> id, AtomicInteger callsLeft) {
        if (callsLeft.getAndDecrement() <= 0) {
            return CompletableFuture.failedFuture(new AmbiguousOutcome("the history from " + from + " to " + to + " needs more than "
                    + MAX_CALLS + " calls to be read whole", null));
        }
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
            return whole(from, middle, page, finest, span, id, callsLeft).thenCompose(earlier -> whole(middle, to, page, finest, span, id, callsLeft)
                    .thenApply(later -> {
                        Map<String, T> byId = new LinkedHashMap<>();
                        earlier.forEach(record -> byId.putIfAbsent(id.apply(record), record));
                        later.forEach(record -> byId.putIfAbsent(id.apply(record), record));
                        return new ArrayList<>(byId.values());
                    }));
        });
    }
}
