package dev.tradefleet.connector.venue;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Where the connector has no stream of an account's executions (MEXC: its user stream is protobuf over a listen key;
 * a venue whose WebSocket URL is not configured), the account is followed by asking: every {@code interval} the
 * listener is told, as after a reconnection, that it may have missed reports, and it catches up by asking the venue.
 * It asks only while the account has orders to follow: the stream is closed when it has none.
 */
public final class PollingUserStream implements UserStream {

    private static final Logger LOG = Logger.getLogger(PollingUserStream.class);

    private final ScheduledFuture<?> polls;

    public PollingUserStream(ScheduledExecutorService scheduler, Duration interval, Listener listener) {
        long millis = Math.max(interval.toMillis(), 100);
        this.polls = scheduler.scheduleWithFixedDelay(() -> {
            try {
                listener.onConnected();
            } catch (RuntimeException e) {
                // a periodic task that throws is cancelled for good: this poll is lost, the next one still comes
                LOG.warnf("polling an account's orders: %s", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** How an account of a venue followed by asking is followed: not at all without a scheduler (a client that only acts and reads). */
    public static Function<Listener, UserStream> asking(ScheduledExecutorService scheduler, Duration interval) {
        return scheduler == null ? listener -> UserStream.NONE : listener -> new PollingUserStream(scheduler, interval, listener);
    }

    @Override
    public void close() {
        polls.cancel(false);
    }
}
