package dev.tradefleet.connector.orders;

import dev.tradefleet.connector.Blocking;
import dev.tradefleet.connector.markets.Markets;
import dev.tradefleet.connector.orders.OrderRepository.PendingIntent;
import dev.tradefleet.connector.orders.OrderRepository.Placement;
import dev.tradefleet.connector.sessions.CredentialsUnavailable;
import dev.tradefleet.connector.sessions.UnknownCredential;
import dev.tradefleet.connector.sessions.VenueSession;
import dev.tradefleet.connector.sessions.VenueSessions;
import dev.tradefleet.connector.threads.DaemonThreads;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.OrderNotFound;
import dev.tradefleet.connector.venue.UserStream;
import dev.tradefleet.connector.venue.VenueBusy;
import dev.tradefleet.connector.venue.VenueClient;
import dev.tradefleet.connector.venue.VenueOrder;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.contracts.trading.CancelAll;
import dev.tradefleet.contracts.trading.CancelOrder;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.PlaceOco;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TradingIntent;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Does each account's intents in order and follows its orders until they are settled. Works on threads of its own
 * (it waits for the database and the venue there, never on an event loop), one account at a time per lane, and
 * only for the accounts this instance owns ({@link AccountOwnership}).
 *
 * <p>The rule that keeps an order from being placed twice: its row is committed as SENDING before the request
 * leaves, and a SENDING order is only ever sent again after the venue, asked by client order id, said it has no
 * such order once the request's receive window had passed (after which the venue refuses the old request).
 */
public final class OrderExecutor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OrderExecutor.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** Beyond the receive window, for clocks that disagree a little. */
    private static final Duration WINDOW_MARGIN = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final int BATCH = 100;

    /** What became of one intent's turn. */
    private sealed interface Turn {
        Turn DONE = new Done();

        record Done() implements Turn {
        }

        record Later(Duration after, String why) implements Turn {
        }
    }

    private final OrderRepository orders;
    private final VenueSessions sessions;
    private final Markets markets;
    private final AccountOwnership ownership;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final AccountLanes lanes;
    private final Set<UUID> toReconcile = ConcurrentHashMap.newKeySet();
    /** Accounts whose lane must look at their pending intents on its next run (a run for stream reports alone need not). */
    private final Set<UUID> intentsDue = ConcurrentHashMap.newKeySet();
    private final Map<UUID, UserStream> streams = new ConcurrentHashMap<>();
    private final Map<UUID, Queue<StreamReport>> inbox = new ConcurrentHashMap<>();

    /** What an account's user stream said of one of its orders, waiting for the account's lane. */
    private record StreamReport(VenueOrder order, VenueTrade trade) {
    }

    public OrderExecutor(OrderRepository orders, VenueSessions sessions, Markets markets, AccountOwnership ownership, Clock clock,
                         int threads) {
        this.orders = orders;
        this.sessions = sessions;
        this.markets = markets;
        this.ownership = ownership;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(threads, DaemonThreads.named("connector-lane"));
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("connector-timer"));
        this.lanes = new AccountLanes(workers, this::work);
    }

    /** New intents of the account: its lane runs (again) soon. */
    public void wake(UUID account) {
        intentsDue.add(account);
        lanes.wake(account);
    }

    /**
     * Every account with intents to do or orders to follow is compared with its venue now: when this instance takes
     * accounts over (at start-up, too).
     */
    public void reconcileAll() {
        ownedAccountsWithWork().forEach(this::reconcile);
    }

    /**
     * Every account with work is compared with its venue within {@code interval}, at even steps in a stable order (so
     * each comes round once an interval) rather than all at once: comparing reads every open order of an account, and
     * all accounts together held up the intents behind them for hundreds of milliseconds.
     */
    public void reconcileAllWithin(Duration interval) {
        List<UUID> accounts = ownedAccountsWithWork();
        for (int i = 0; i < accounts.size(); i++) {
            reconcileLater(accounts.get(i), interval.multipliedBy(i).dividedBy(accounts.size()));
        }
    }

    private List<UUID> ownedAccountsWithWork() {
        return await(orders.accountsWithWork().subscribeAsCompletionStage()).stream().filter(ownership::owns).sorted().toList();
    }

    /** Partitions moved between instances: streams of accounts now someone else's close, accounts now ours catch up. */
    public void ownershipChanged() {
        List.copyOf(streams.keySet()).stream().filter(account -> !ownership.owns(account)).forEach(this::closeStream);
        timer.execute(() -> {
            try {
                reconcileAll();
            } catch (RuntimeException e) {
                LOG.warnf("accounts taken over not reconciled now: %s", e.toString());
            }
        });
    }

    /** The account's intents are done, then its orders still followed are compared with the venue. */
    public void reconcile(UUID account) {
        toReconcile.add(account);
        wake(account);
    }

    /** Intents only: what a deferred intent waits for. */
    private void wakeLater(UUID account, Duration after) {
        timer.schedule(() -> wake(account), Math.max(after.toMillis(), 10), TimeUnit.MILLISECONDS);
    }

    /** An outcome to learn from the venue (an answer lost, trades not read): the account is reconciled soon. */
    private void reconcileLater(UUID account, Duration after) {
        timer.schedule(() -> reconcile(account), Math.max(after.toMillis(), 10), TimeUnit.MILLISECONDS);
    }

    private void work(UUID account) {
        try {
            doWork(account);
        } catch (RuntimeException e) {
            // the database or a service is away: everything is recorded, so the lane simply runs again later
            LOG.warnf("account %s: %s; trying again in %d s", account, e.toString(), RETRY_AFTER_FAILURE.toSeconds());
            wakeLater(account, RETRY_AFTER_FAILURE);
        }
    }

    /** The account's pending intents, in order; false when one must wait (its lane runs again for it later). */
    private boolean takePendingIntents(UUID account) {
        List<PendingIntent> pending = await(orders.pendingIntents(account, BATCH).subscribeAsCompletionStage());
        for (PendingIntent intent : pending) {
            Instant now = clock.instant();
            if (intent.notBefore() != null && now.isBefore(intent.notBefore())) {
                wakeLater(account, Duration.between(now, intent.notBefore()));
                return false;
            }
            Turn turn = take(intent);
            if (turn instanceof Turn.Later later) {
                LOG.infof("intent %s of account %s waits %d ms: %s", intent.intent().intentId(), account, later.after().toMillis(), later.why());
                await(orders.defer(intent.seq(), clock.instant().plus(later.after())).subscribeAsCompletionStage());
                wakeLater(account, later.after());
                return false;
            }
        }
        if (pending.size() == BATCH) {
            wake(account);
            return false;
        }
        return true;
    }

    private void doWork(UUID account) {
        if (!ownership.owns(account)) {
            // another instance consumes this account's intents now: its lane runs there
            inbox.remove(account);
            return;
        }
        Queue<StreamReport> reports = inbox.get(account);
        for (StreamReport report = reports == null ? null : reports.peek(); report != null; report = reports.peek()) {
            apply(account, report);
            // taken off only once recorded: a failure leaves it for the next run
            reports.poll();
        }
        if (intentsDue.remove(account) && !takePendingIntents(account)) {
            return;
        }
        if (toReconcile.remove(account)) {
            try {
                compareWithTheVenue(account);
            } catch (RuntimeException e) {
                toReconcile.add(account);
                throw e;
            }
        }
    }

    /** A report from the user stream: recorded like an answer, with its trade; trades it did not carry are fetched. */
    private void apply(UUID account, StreamReport report) {
        UUID intent = ClientOrderIds.intentOf(report.order().clientOrderId());
        Optional<OrderRow> row = intent == null ? Optional.empty()
                : await(orders.order(intent).subscribeAsCompletionStage()).filter(o -> o.credentialId().equals(account));
        if (row.isEmpty()) {
            return;
        }
        List<VenueTrade> trades = report.trade() == null ? List.of() : List.of(report.trade());
        VenueReport seen = VenueReport.of(report.order(), trades);
        if (!row.get().alreadyShows(seen)) {
            // most reports only confirm what the venue's answer said already: those cost no transaction
            await(orders.record(row.get(), seen, null).subscribeAsCompletionStage());
        }
        BigDecimal reported = row.get().filledQuantity().add(report.trade() == null ? BigDecimal.ZERO : report.trade().quantity());
        if (report.order().executedQuantity().compareTo(reported) > 0) {
            reconcile(account);
        }
    }

    /** Keeps the account's user stream open while it has orders to follow; every (re)connection catches up by asking. */
    private void follows(UUID account, VenueClient venue) {
        if (!ownership.owns(account)) {
            return;
        }
        streams.computeIfAbsent(account, id -> venue.openUserStream(new UserStream.Listener() {
            @Override
            public void onReport(VenueOrder order, VenueTrade trade) {
                inbox.computeIfAbsent(id, k -> new ConcurrentLinkedQueue<>()).add(new StreamReport(order, trade));
                lanes.wake(id);
            }

            @Override
            public void onConnected() {
                reconcile(id);
            }
        }));
    }

    /** The account's key changed or it has nothing left to follow: its stream is closed (and opened anew when needed). */
    public void closeStream(UUID account) {
        UserStream stream = streams.remove(account);
        if (stream != null) {
            stream.close();
        }
    }

    /**
     * The account's followed orders against the venue's list of open orders (one call, whatever their number):
     * an order still open there is updated from that list; any other (filled, cancelled, unknown, in flight) is
     * asked for by client order id.
     */
    private void compareWithTheVenue(UUID account) {
        List<OrderRow> followed = await(orders.liveOrders(account).subscribeAsCompletionStage());
        if (followed.isEmpty()) {
            closeStream(account);
            return;
        }
        VenueClient venue;
        Map<String, VenueOrder> open = new HashMap<>();
        try {
            venue = await(sessions.session(account)).client();
            follows(account, venue);
            Set<String> symbols = followed.stream().map(OrderRow::symbol).collect(Collectors.toCollection(TreeSet::new));
            await(venue.openOrders(symbols)).forEach(order -> open.put(order.clientOrderId(), order));
        } catch (UnknownCredential | CredentialsUnavailable | VenueRejection | AmbiguousOutcome | VenueBusy e) {
            LOG.debugf("account %s not reconciled now: %s", account, e.getMessage());
            return;
        }
        for (OrderRow order : followed) {
            VenueOrder listed = open.get(order.clientOrderId());
            if (listed != null && order.open()) {
                record(order, listed, venue, null);
            } else {
                follow(order);
            }
        }
    }

    private Turn take(PendingIntent pending) {
        TradingIntent intent = pending.intent();
        try {
            if (intent instanceof PlaceOrder place) {
                return place(pending.seq(), place);
            }
            if (intent instanceof CancelOrder cancel) {
                return cancel(pending.seq(), cancel);
            }
            if (intent instanceof CancelAll cancelAll) {
                return cancelAll(pending.seq(), cancelAll);
            }
            return placeOco(pending.seq(), (PlaceOco) intent);
        } catch (CredentialsUnavailable e) {
            return new Turn.Later(RETRY, e.getMessage());
        }
    }

    private Turn place(long seq, PlaceOrder intent) {
        Optional<VenueSession> found = sessionFor(intent, seq);
        if (found.isEmpty()) {
            return Turn.DONE;
        }
        VenueSession session = found.get();
        String clientOrderId = clientOrderId(intent, venueOf(session.venue()));
        if (!listed(session, intent.symbol())) {
            refuse(intent, session.venue(), "unknown-symbol", noSymbol(session, intent.symbol()), seq);
            return Turn.DONE;
        }
        OrderRepository.Claim claim = await(orders.claim(intent, session.venue(), session.environment(), clientOrderId).subscribeAsCompletionStage());
        OrderRow order = claim.row();
        if (!claim.fresh()) {
            if (!order.sending()) {
                await(orders.done(seq).subscribeAsCompletionStage());
                return Turn.DONE;
            }
            // an earlier try may have sent it: the venue decides
            return resolveSending(session, intent, order, seq);
        }
        return send(session, intent, order, seq);
    }

    private static String noSymbol(VenueSession session, String symbol) {
        return session.venue() + "/" + session.environment() + " lists no symbol " + symbol;
    }

    /** False only when the venue's symbol list is known and lacks {@code symbol}; without a list, the venue judges. */
    private boolean listed(VenueSession session, String symbol) {
        try {
            return await(markets.symbol(session.venue(), session.environment(), symbol)).isPresent();
        } catch (VenueBusy | AmbiguousOutcome | VenueRejection unknown) {
            return true;
        }
    }

    private Turn send(VenueSession session, PlaceOrder intent, OrderRow order, long seq) {
        VenueClient venue = session.client();
        VenueOrder placed;
        try {
            placed = await(venue.place(intent, order.clientOrderId(), order.sentAt()));
        } catch (VenueBusy busy) {
            // turned away unexecuted: no order exists, so the next try sends without asking the venue first
            await(orders.release(order).subscribeAsCompletionStage());
            return new Turn.Later(busy.retryAfter(), busy.getMessage());
        } catch (VenueRejection rejection) {
            await(orders.record(order, VenueReport.rejected(rejection.code(), rejection.getMessage()), seq).subscribeAsCompletionStage());
            return Turn.DONE;
        } catch (AmbiguousOutcome unknown) {
            LOG.warnf("order %s on %s: %s", order.clientOrderId(), order.venue(), unknown.getMessage());
            await(orders.record(order, VenueReport.unknown(), seq).subscribeAsCompletionStage());
            follows(order.credentialId(), venue);
            reconcileLater(order.credentialId(), RETRY);
            return Turn.DONE;
        }
        // outside the try: a slow database after a placed order is not the venue's ambiguity
        record(order, placed, venue, seq);
        return Turn.DONE;
    }

    /** A SENDING order of a pending intent: found on the venue, it is recorded; surely never placed, it is sent. */
    private Turn resolveSending(VenueSession session, PlaceOrder intent, OrderRow order, long seq) {
        VenueClient venue = session.client();
        try {
            record(order, await(venue.find(order.symbol(), order.clientOrderId())), venue, seq);
            return Turn.DONE;
        } catch (OrderNotFound notFound) {
            Instant safe = order.sentAt().plus(venue.receiveWindow()).plus(WINDOW_MARGIN);
            Instant now = clock.instant();
            if (now.isBefore(safe)) {
                return new Turn.Later(Duration.between(now, safe), "the venue may still execute the earlier request");
            }
            return send(session, intent, await(orders.resend(order).subscribeAsCompletionStage()), seq);
        } catch (VenueBusy | AmbiguousOutcome notNow) {
            return new Turn.Later(notNow instanceof VenueBusy busy ? busy.retryAfter() : RETRY, notNow.getMessage());
        } catch (VenueRejection refused) {
            // the venue will not say (a key that lost a permission, a delisted symbol): the account's later intents
            // must not wait behind this one, so it is reported unknown and left to reconciliation
            LOG.warnf("order %s cannot be looked up: %s %s", order.clientOrderId(), refused.code(), refused.getMessage());
            await(orders.record(order, VenueReport.unknown(), seq).subscribeAsCompletionStage());
            reconcileLater(order.credentialId(), RETRY);
            return Turn.DONE;
        }
    }

    private Turn cancel(long seq, CancelOrder intent) {
        Optional<OrderRow> target = await(orders.order(intent.orderIntentId()).subscribeAsCompletionStage())
                .filter(order -> order.credentialId().equals(intent.credentialId()));
        if (target.isEmpty() || target.get().settled()) {
            LOG.infof("cancel intent %s: no open order of intent %s on account %s", intent.intentId(), intent.orderIntentId(),
                    intent.credentialId());
            await(orders.done(seq).subscribeAsCompletionStage());
            return Turn.DONE;
        }
        OrderRow order = target.get();
        Optional<VenueSession> session = sessionFor(intent, seq);
        if (session.isEmpty()) {
            return Turn.DONE;
        }
        VenueClient venue = session.get().client();
        try {
            record(order, await(venue.cancel(order.symbol(), order.clientOrderId())), venue, seq);
        } catch (VenueBusy busy) {
            return new Turn.Later(busy.retryAfter(), busy.getMessage());
        } catch (VenueRejection refused) {
            // filled or gone meanwhile: what it is now is what we report
            await(orders.done(seq).subscribeAsCompletionStage());
            follow(order);
        } catch (AmbiguousOutcome unknown) {
            await(orders.done(seq).subscribeAsCompletionStage());
            reconcileLater(order.credentialId(), RETRY);
        }
        return Turn.DONE;
    }

    private Turn cancelAll(long seq, CancelAll intent) {
        Optional<VenueSession> session = sessionFor(intent, seq);
        if (session.isEmpty()) {
            return Turn.DONE;
        }
        VenueClient venue = session.get().client();
        List<VenueOrder> cancelled;
        try {
            cancelled = await(venue.cancelAll(intent.symbol()));
        } catch (VenueBusy busy) {
            return new Turn.Later(busy.retryAfter(), busy.getMessage());
        } catch (VenueRejection | AmbiguousOutcome e) {
            // nothing open, or no answer: each of our open orders is asked for below
            LOG.infof("cancel-all intent %s on %s: %s", intent.intentId(), intent.symbol(), e.getMessage());
            await(orders.done(seq).subscribeAsCompletionStage());
            reconcileLater(intent.credentialId(), Duration.ZERO);
            return Turn.DONE;
        }
        for (VenueOrder order : cancelled) {
            UUID ours = ClientOrderIds.intentOf(order.clientOrderId());
            Optional<OrderRow> row = ours == null ? Optional.empty()
                    : await(orders.order(ours).subscribeAsCompletionStage()).filter(o -> o.credentialId().equals(intent.credentialId()));
            row.ifPresent(o -> record(o, order, venue, null));
        }
        await(orders.done(seq).subscribeAsCompletionStage());
        return Turn.DONE;
    }

    /**
     * A native OCO: both legs are committed as SENDING, then the list is sent under client order ids derived from the
     * intent and leg ids; its legs are reported under their leg ids. The same rule as a single order: a SENDING
     * list is only sent again when the venue has neither leg after the receive window.
     */
    private Turn placeOco(long seq, PlaceOco intent) {
        Optional<VenueSession> found = sessionFor(intent, seq);
        if (found.isEmpty()) {
            return Turn.DONE;
        }
        VenueSession session = found.get();
        if (!session.client().capabilities().contains(Capability.OCO)) {
            refuse(intent, session.venue(), "unsupported-order", session.venue() + " has no native OCO order; emulate the exits", seq);
            return Turn.DONE;
        }
        if (!listed(session, intent.symbol())) {
            refuse(intent, session.venue(), "unknown-symbol", noSymbol(session, intent.symbol()), seq);
            return Turn.DONE;
        }
        List<Placement> legs = placements(intent, session.venue());
        OrderRepository.LegsClaim claim = await(orders.claimLegs(intent, session.venue(), session.environment(), legs.get(0), legs.get(1))
                .subscribeAsCompletionStage());
        if (!claim.fresh()) {
            if (!claim.takeProfit().sending() && !claim.stopLoss().sending()) {
                await(orders.done(seq).subscribeAsCompletionStage());
                return Turn.DONE;
            }
            return resolveSendingOco(session, intent, claim, seq);
        }
        return sendOco(session, intent, claim, seq);
    }

    private Turn sendOco(VenueSession session, PlaceOco intent, OrderRepository.LegsClaim claim, long seq) {
        VenueClient venue = session.client();
        List<OrderRow> legs = List.of(claim.takeProfit(), claim.stopLoss());
        List<VenueOrder> placed = List.of();
        try {
            placed = await(venue.placeOco(intent, ClientOrderIds.of(intent.intentId(), venueOf(session.venue())),
                    claim.takeProfit().clientOrderId(), claim.stopLoss().clientOrderId(), claim.takeProfit().sentAt()));
        } catch (VenueBusy busy) {
            legs.forEach(leg -> await(orders.release(leg).subscribeAsCompletionStage()));
            return new Turn.Later(busy.retryAfter(), busy.getMessage());
        } catch (VenueRejection rejection) {
            legs.forEach(leg -> await(orders.record(leg, VenueReport.rejected(rejection.code(), rejection.getMessage()), null)
                    .subscribeAsCompletionStage()));
        } catch (AmbiguousOutcome unknown) {
            LOG.warnf("OCO %s on %s: %s", intent.intentId(), session.venue(), unknown.getMessage());
            legs.forEach(leg -> await(orders.record(leg, VenueReport.unknown(), null).subscribeAsCompletionStage()));
            follows(intent.credentialId(), venue);
            reconcileLater(intent.credentialId(), RETRY);
        }
        for (OrderRow leg : legs) {
            placed.stream().filter(o -> o.clientOrderId().equals(leg.clientOrderId())).findFirst()
                    .ifPresent(answer -> record(leg, answer, venue, null));
        }
        await(orders.done(seq).subscribeAsCompletionStage());
        return Turn.DONE;
    }

    /** Legs left SENDING by an earlier try: found on the venue, they are recorded; surely never placed, the list is sent. */
    private Turn resolveSendingOco(VenueSession session, PlaceOco intent, OrderRepository.LegsClaim claim, long seq) {
        VenueClient venue = session.client();
        try {
            for (OrderRow leg : List.of(claim.takeProfit(), claim.stopLoss())) {
                record(leg, await(venue.find(leg.symbol(), leg.clientOrderId())), venue, null);
            }
            await(orders.done(seq).subscribeAsCompletionStage());
            return Turn.DONE;
        } catch (OrderNotFound notFound) {
            Instant safe = claim.takeProfit().sentAt().plus(venue.receiveWindow()).plus(WINDOW_MARGIN);
            Instant now = clock.instant();
            if (now.isBefore(safe)) {
                return new Turn.Later(Duration.between(now, safe), "the venue may still execute the earlier request");
            }
            OrderRow takeProfit = await(orders.resend(claim.takeProfit()).subscribeAsCompletionStage());
            OrderRow stopLoss = await(orders.resend(claim.stopLoss()).subscribeAsCompletionStage());
            return sendOco(session, intent, new OrderRepository.LegsClaim(takeProfit, stopLoss, true), seq);
        } catch (VenueBusy | AmbiguousOutcome notNow) {
            return new Turn.Later(notNow instanceof VenueBusy busy ? busy.retryAfter() : RETRY, notNow.getMessage());
        } catch (VenueRejection refused) {
            LOG.warnf("OCO %s cannot be looked up: %s %s", intent.intentId(), refused.code(), refused.getMessage());
            for (OrderRow leg : List.of(claim.takeProfit(), claim.stopLoss())) {
                await(orders.record(leg, VenueReport.unknown(), null).subscribeAsCompletionStage());
            }
            await(orders.done(seq).subscribeAsCompletionStage());
            reconcileLater(intent.credentialId(), RETRY);
            return Turn.DONE;
        }
    }

    /** Asks the venue for an order whose intent is done and records what changed; a lost order is reported rejected. */
    private void follow(OrderRow order) {
        VenueSession session;
        try {
            session = await(sessions.session(order.credentialId()));
        } catch (UnknownCredential | CredentialsUnavailable | VenueRejection e) {
            LOG.debugf("order %s not followed now: %s", order.clientOrderId(), e.getMessage());
            return;
        }
        VenueClient venue = session.client();
        try {
            record(order, await(venue.follow(order.symbol(), order.clientOrderId(), order.venueOrderId())), venue, null);
        } catch (OrderNotFound notFound) {
            if (order.venueOrderId() != null) {
                // the venue answered for it once, so it was placed: the order is followed on, never called "not placed"
                LOG.warnf("order %s (%s on %s) was acknowledged by the venue, which no longer finds it: %s", order.clientOrderId(),
                        order.venueOrderId(), order.venue(), notFound.getMessage());
            } else if (clock.instant().isAfter(order.sentAt().plus(venue.receiveWindow()).plus(WINDOW_MARGIN))) {
                await(orders.record(order, VenueReport.rejected("not-placed",
                        "the venue never received the order: its answer was lost and it has no order under " + order.clientOrderId()),
                        null).subscribeAsCompletionStage());
            } else {
                reconcileLater(order.credentialId(), RETRY);
            }
        } catch (VenueRejection | AmbiguousOutcome | VenueBusy e) {
            LOG.debugf("order %s not followed now: %s", order.clientOrderId(), e.getMessage());
        }
    }

    /** Records the venue's view of the order, with its trades when some are not reported yet. */
    private void record(OrderRow order, VenueOrder seen, VenueClient venue, Long seq) {
        boolean tradesMissing = seen.executedQuantity().compareTo(order.filledQuantity()) > 0;
        // nothing new (as reconciliation finds most orders) costs no transaction
        if (seq != null || tradesMissing || !order.alreadyShows(VenueReport.of(seen, List.of()))) {
            List<VenueTrade> trades = List.of();
            if (tradesMissing && seen.venueOrderId() != null) {
                try {
                    trades = await(venue.trades(order.symbol(), seen.venueOrderId()));
                } catch (VenueRejection | AmbiguousOutcome | VenueBusy e) {
                    // the state is news now; the trades follow at the next look
                    LOG.debugf("trades of %s not read now: %s", order.clientOrderId(), e.getMessage());
                    reconcileLater(order.credentialId(), RETRY);
                }
            }
            await(orders.record(order, VenueReport.of(seen, trades), seq).subscribeAsCompletionStage());
        }
        if (seen.status() == OrderStatus.ACCEPTED || seen.status() == OrderStatus.PARTIALLY_FILLED) {
            follows(order.credentialId(), venue);
        }
    }

    /**
     * The intent's account, if it may act for the intent's user; otherwise the intent is refused (a placement
     * with a rejected update) and done. Throws {@link CredentialsUnavailable} for "try again later".
     */
    private Optional<VenueSession> sessionFor(TradingIntent intent, long seq) {
        String refusal;
        String message;
        String venue = "unknown";
        try {
            VenueSession session = await(sessions.session(intent.credentialId()));
            venue = session.venue();
            if (!session.userId().equals(intent.userId())) {
                refusal = "credential-not-yours";
                message = "credential " + intent.credentialId() + " does not belong to user " + intent.userId();
            } else if (!session.active()) {
                refusal = "credential-inactive";
                message = "credential " + intent.credentialId() + " is deactivated";
            } else {
                return Optional.of(session);
            }
        } catch (UnknownCredential e) {
            refusal = "credential-unknown";
            message = "no credential " + intent.credentialId();
        } catch (VenueRejection e) {
            refusal = e.code();
            message = e.getMessage();
        }
        LOG.warnf("intent %s refused: %s", intent.intentId(), message);
        refuse(intent, venue, refusal, message, seq);
        return Optional.empty();
    }

    /** The intent is done without a request: what it would have placed is reported rejected with this reason. */
    private void refuse(TradingIntent intent, String venue, String code, String message, long seq) {
        List<Placement> placements = placements(intent, venue);
        if (placements.isEmpty()) {
            await(orders.done(seq).subscribeAsCompletionStage());
            return;
        }
        OrderSide side = intent instanceof PlaceOco oco ? oco.side() : ((PlaceOrder) intent).side();
        await(orders.rejectUnplaced(intent, side, venue, placements, code, message, seq).subscribeAsCompletionStage());
    }

    /** The orders an intent places, by the ids they go by: an order's its intent's, an OCO's legs their own; a cancel none. */
    private static List<Placement> placements(TradingIntent intent, String venue) {
        ClientOrderIds.Venue venueId = venueOf(venue);
        if (intent instanceof PlaceOrder place) {
            return List.of(new Placement(place.intentId(), clientOrderId(place, venueId)));
        }
        List<UUID> ids = intent instanceof PlaceOco oco ? List.of(oco.takeProfitLegId(), oco.stopLossLegId()) : List.of();
        return ids.stream().map(id -> new Placement(id, ClientOrderIds.of(id, venueId))).toList();
    }

    private static String clientOrderId(PlaceOrder intent, ClientOrderIds.Venue venue) {
        return intent.kind() == OrderKind.STOP_LIMIT ? ClientOrderIds.ofTrigger(intent.intentId(), venue) : ClientOrderIds.of(intent.intentId(), venue);
    }

    private static ClientOrderIds.Venue venueOf(String venue) {
        try {
            return ClientOrderIds.Venue.valueOf(venue.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return ClientOrderIds.Venue.BINANCE;
        }
    }

    /** Waits on this lane's own thread; a failure comes out as what it is, not wrapped. */
    private static <T> T await(CompletionStage<T> stage) {
        return Blocking.await(stage, WAIT);
    }



    @Override
    public void close() {
        List.copyOf(streams.keySet()).forEach(this::closeStream);
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
