package dev.tradefleet.connector.venue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WalletHistoryTest {

    private record Entry(String id, Instant time) {
    }

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final int PAGE = 10;

    /** A venue's history: every entry of the span, both ends included, the newest page of them at most. */
    private static WalletHistory.Span<Entry> venue(List<Entry> entries, List<String> asked) {
        return (from, to) -> {
            asked.add(from + "/" + to);
            List<Entry> inSpan = new ArrayList<>(entries.stream().filter(e -> !e.time().isBefore(from) && !e.time().isAfter(to))
                    .sorted(Comparator.comparing(Entry::time).reversed()).toList());
            return CompletableFuture.completedFuture(inSpan.subList(0, Math.min(PAGE, inSpan.size())));
        };
    }

    private static List<Entry> entries(int count, Duration apart) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new Entry("e" + i, START.plus(apart.multipliedBy(i))));
        }
        return entries;
    }

    @Test
    void aHistoryWithinOnePageIsReadOnce() {
        List<String> asked = new ArrayList<>();
        List<Entry> got = WalletHistory.whole(START, START.plus(Duration.ofDays(1)), PAGE, Duration.ofMillis(1),
                venue(entries(9, Duration.ofHours(1)), asked), Entry::id).toCompletableFuture().join();
        assertEquals(9, got.size());
        assertEquals(1, asked.size());
    }

    @Test
    void aFullAnswerIsReadAgainInHalvesUntilEveryRecordIsFoundOnce() {
        List<String> asked = new ArrayList<>();
        // 95 records an hour apart, one of them on the first halving's common instant
        List<Entry> all = entries(95, Duration.ofHours(1));
        List<Entry> got = WalletHistory.whole(START, START.plus(Duration.ofHours(94)), PAGE, Duration.ofMillis(1), venue(all, asked), Entry::id)
                .toCompletableFuture().join();
        assertEquals(all.stream().map(Entry::id).sorted().toList(), got.stream().map(Entry::id).sorted().toList(),
                "every record, each once, though the venue answers ten at a time");
        assertEquals(true, asked.size() > 1);
    }

    @Test
    void moreThanAPageWithinTheVenuesFinestSpanIsAmbiguousNotAShortHistory() {
        List<String> asked = new ArrayList<>();
        List<Entry> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(new Entry("b" + i, START.plusSeconds(30)));
        }
        CompletionException failure = assertThrows(CompletionException.class, () -> WalletHistory.whole(START, START.plusSeconds(60), PAGE,
                Duration.ofSeconds(1), venue(burst, asked), Entry::id).toCompletableFuture().join());
        assertInstanceOf(AmbiguousOutcome.class, failure.getCause(), "a withdrawal could be among the records not read");
    }

    @Test
    void aHistoryUntilNowReachesPastOurClockSoARecordStampedByAVenueAheadOfUsIsInIt() {
        List<String> asked = new ArrayList<>();
        Instant now = START.plus(Duration.ofDays(2));
        Entry justMade = new Entry("w1", now.plusSeconds(20));
        List<Entry> got = WalletHistory.since(START, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC), Duration.ofDays(90), PAGE,
                Duration.ofMillis(1), venue(List.of(justMade), asked), Entry::id).toCompletableFuture().join();
        assertEquals(List.of(justMade), got, "made a moment ago by a venue whose clock is 20 s ahead of ours");
        assertEquals(START + "/" + now.plus(WalletHistory.CLOCK_MARGIN), asked.get(0));

        asked.clear();
        WalletHistory.since(START, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC), Duration.ofDays(1), PAGE, Duration.ofMillis(1),
                venue(List.of(), asked), Entry::id).toCompletableFuture().join();
        assertEquals(now.plus(WalletHistory.CLOCK_MARGIN).minus(Duration.ofDays(1)) + "/" + now.plus(WalletHistory.CLOCK_MARGIN), asked.get(0),
                "no further back than one answer of the venue reaches");
    }

    @Test
    void aHistoryTooDenseToReadWithinTheCallBudgetIsAmbiguousRatherThanAStormOfCalls() {
        List<String> asked = new ArrayList<>();
        CompletionException failure = assertThrows(CompletionException.class, () -> WalletHistory.whole(START, START.plus(Duration.ofHours(2)),
                PAGE, Duration.ofMillis(1), venue(entries(5000, Duration.ofSeconds(1)), asked), Entry::id).toCompletableFuture().join());
        assertInstanceOf(AmbiguousOutcome.class, failure.getCause());
        assertEquals(WalletHistory.MAX_CALLS, asked.size(), "stopped at the budget");
    }
}
