package dev.tradefleet.connector.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admission rules on a simulated clock: what goes when, exactly. */
class AdmissionTest {

    private static final long SECOND = 1_000_000_000L;
    /** Binance's spot limits, scaled down so that a burst crosses many windows. */
    private static final List<RateLimit> BINANCE_LIKE = List.of(
            new RateLimit("REQUEST_WEIGHT", RateLimit.Scope.VENUE, RateLimit.Counts.WEIGHT, 1200, Duration.ofMinutes(1)),
            new RateLimit("ORDERS_10S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.ORDERS, 50, Duration.ofSeconds(10)),
            new RateLimit("ORDERS_1D", RateLimit.Scope.ACCOUNT, RateLimit.Counts.ORDERS, 160_000, Duration.ofDays(1)));

    /** A clock that starts in the middle of a minute, moved by hand. */
    private final AtomicLong now = new AtomicLong(1_795_000_037L * SECOND);
    private final Admission admission = new Admission(BINANCE_LIKE, now::get);

    private record Sent(String what, long at) {
    }

    /** Admits, moves the clock to the next admission, again, until nothing waits; returns what went when. */
    private List<Sent> drain(int rounds) {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < rounds && admission.waiting() > 0; i++) {
            for (Admission.Waiting<?> going : admission.admit()) {
                sent.add(new Sent((String) going.ticket(), now.get()));
            }
            if (admission.waiting() > 0) {
                now.addAndGet(admission.nanosUntilNextAdmission());
            }
        }
        return sent;
    }

    private static Map<Long, Integer> perWindow(List<Sent> sent, long windowNanos, String prefix) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Sent s : sent) {
            if (s.what().startsWith(prefix)) {
                counts.merge(Math.floorDiv(s.at(), windowNanos), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void aBurstOfFiveThousandPlacementsNeverExceedsALimitByOneRequest() {
        for (int i = 0; i < 5000; i++) {
            admission.submit(VenueRequest.place("acct-" + (i % 2), 1), "place-" + i);
        }
        List<Sent> sent = drain(100_000);
        assertEquals(5000, sent.size(), "every placement went, eventually");
        Map<Long, Integer> tenSecondWindows = new HashMap<>();
        for (String account : List.of("acct-0", "acct-1")) {
            List<Sent> mine = sent.stream().filter(s -> Integer.parseInt(s.what().substring(6)) % 2 == Integer.parseInt(account.substring(5))).toList();
            perWindow(mine, 10 * SECOND, "place-").forEach((window, count) -> {
                assertTrue(count <= 50, account + " sent " + count + " orders in one 10 s window");
                tenSecondWindows.merge(window, count, Integer::sum);
            });
        }
        perWindow(sent, 60 * SECOND, "place-").values().forEach(count ->
                assertTrue(count <= 1200, count + " weight in one minute"));
        assertTrue(tenSecondWindows.values().stream().anyMatch(c -> c == 100), "both accounts used their full windows");
        for (int i = 1; i < sent.size(); i++) {
            assertTrue(sent.get(i).at() >= sent.get(i - 1).at());
        }
    }

    private List<String> admitNow() {
        return admission.admit().stream().map(w -> (String) w.ticket()).toList();
    }

    @Test
    void cancelsOvertakeQueuedPlacements() {
        for (int i = 0; i < 300; i++) {
            admission.submit(VenueRequest.place("acct", 1), "place-" + i);
        }
        assertEquals(50, admitNow().size(), "the account's order window is spent");
        for (int i = 0; i < 5; i++) {
            admission.submit(VenueRequest.cancel("acct", 1), "cancel-" + i);
        }
        assertEquals(List.of("cancel-0", "cancel-1", "cancel-2", "cancel-3", "cancel-4"), admitNow(),
                "cancels do not count as orders and go while 250 placements wait");

        // and when the venue-wide weight is short, the cancel waits at the head, not behind placements
        admission.observeUsage("REQUEST_WEIGHT", 1200);
        admission.submit(VenueRequest.cancel("acct", 1), "cancel-late");
        assertEquals(List.of(), admitNow());
        while (true) {
            now.addAndGet(admission.nanosUntilNextAdmission());
            List<String> going = admitNow();
            if (!going.isEmpty()) {
                assertEquals("cancel-late", going.get(0), "first when the weight returns, ahead of 250 placements");
                assertEquals("place-50", going.get(1));
                break;
            }
        }
    }

    @Test
    void theVenuesUsageHeaderCorrectsOurCount() {
        admission.observeUsage("REQUEST_WEIGHT", 1190);
        for (int i = 0; i < 20; i++) {
            admission.submit(VenueRequest.marketData(1), "read-" + i);
        }
        assertEquals(10, admission.admit().size(), "only what the venue says is left in this minute");
        admission.observeUsage("REQUEST_WEIGHT", 5);
        assertEquals(0, admission.admit().size(), "a lower figure never gives capacity back");
    }

    @Test
    void aBanStopsEveryCallUntilItEnds() {
        Instant until = Instant.ofEpochSecond(0, now.get() + 120 * SECOND);
        admission.pauseUntil(until, true);
        admission.submit(VenueRequest.cancel("acct", 1), "cancel");
        assertTrue(admission.admit().isEmpty());
        assertTrue(admission.banned());
        assertEquals(120 * SECOND, admission.nanosUntilNextAdmission());
        now.addAndGet(120 * SECOND);
        assertEquals(1, admission.admit().size());
        assertFalse(admission.banned());
    }

    @Test
    void aCallHeldByAVenueLimitHoldsTheOnesBehindItAndTheWaitSaysSo() {
        admission.observeUsage("REQUEST_WEIGHT", 1190);
        admission.submit(VenueRequest.accountRead("acct", 20), "balances");
        admission.submit(VenueRequest.marketData(1), "ticker");
        assertEquals(List.of(), admitNow(), "the cheap read does not jump the queue on the shared limit");
        long wait = admission.nanosUntilNextAdmission();
        assertTrue(wait > SECOND, "no busy loop: the next chance is when the minute's weight returns, " + wait + " ns");
        now.addAndGet(wait);
        assertEquals(List.of("balances", "ticker"), admitNow());
    }

    @Test
    void aCallThatCanNeverFitIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> admission.submit(VenueRequest.marketData(5000), "huge"));
        assertEquals(0, admission.waiting());
    }

    @Test
    void anAccountAtItsOrderLimitStepsAsideForOtherAccounts() {
        for (int i = 0; i < 60; i++) {
            admission.submit(VenueRequest.place("busy", 1), "busy-" + i);
        }
        admission.submit(VenueRequest.place("quiet", 1), "quiet-0");
        List<String> first = admission.admit().stream().map(w -> (String) w.ticket()).toList();
        assertEquals(51, first.size());
        assertTrue(first.contains("quiet-0"), "another account's order is not stuck behind a busy one");
    }

    @Test
    void aWalletLimitHoldsOnlyWalletCallsAndOnlyTheirAccounts() {
        Admission wallets = new Admission(List.of(
                new RateLimit("WALLET_3S", RateLimit.Scope.ACCOUNT, RateLimit.Counts.WALLET_CALLS, 1, Duration.ofSeconds(3))), now::get);
        wallets.submit(VenueRequest.walletRead("acct", 0), "history-1");
        wallets.submit(VenueRequest.transfer("acct", 0), "withdraw");
        wallets.submit(VenueRequest.place("acct", 0), "order");
        wallets.submit(VenueRequest.walletRead("other", 0), "history-other");
        List<String> first = wallets.admit().stream().map(going -> (String) going.ticket()).toList();
        assertEquals(List.of("history-other", "order", "withdraw"), first.stream().sorted().toList(),
                "one wallet call per account per window, the withdrawal (a placement's priority) before the read; orders and other accounts pass");
        assertEquals(1, wallets.waiting(), "the account's history read waits for its next window");
    }
}
