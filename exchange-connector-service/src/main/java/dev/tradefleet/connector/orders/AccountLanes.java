package dev.tradefleet.connector.orders;

import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One lane per venue account: its work runs on a shared pool of threads, never two runs of one account at once,
 * so an account's intents are done in the order they came while different accounts go in parallel. Waking a lane
 * that is busy makes it run once more when done; any number of wakes meanwhile cost one more run.
 */
final class AccountLanes {

    private static final Logger LOG = Logger.getLogger(AccountLanes.class);
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int RUNNING_AND_WOKEN = 2;

    private final Executor workers;
    private final Consumer<UUID> work;
    private final ConcurrentHashMap<UUID, AtomicInteger> lanes = new ConcurrentHashMap<>();

    AccountLanes(Executor workers, Consumer<UUID> work) {
        this.workers = workers;
        this.work = work;
    }

    void wake(UUID account) {
        AtomicInteger lane = lanes.computeIfAbsent(account, id -> new AtomicInteger(IDLE));
        if (lane.getAndUpdate(state -> Math.min(state + 1, RUNNING_AND_WOKEN)) == IDLE) {
            workers.execute(() -> run(account, lane));
        }
    }

    private void run(UUID account, AtomicInteger lane) {
        do {
            lane.set(RUNNING);
            try {
                work.accept(account);
            } catch (RuntimeException e) {
                // the state is in the database: the next wake (or reconciliation) takes it from there
                LOG.warnf("work of account %s failed: %s", account, e.toString());
            }
        } while (!lane.compareAndSet(RUNNING, IDLE));
    }
}
