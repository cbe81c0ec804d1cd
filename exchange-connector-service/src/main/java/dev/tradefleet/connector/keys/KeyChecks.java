package dev.tradefleet.connector.keys;

import dev.tradefleet.connector.Blocking;
import dev.tradefleet.connector.sessions.CredentialsUnavailable;
import dev.tradefleet.connector.sessions.KeyMaterialSource;
import dev.tradefleet.connector.sessions.UnknownCredential;
import dev.tradefleet.connector.sessions.VenueSession;
import dev.tradefleet.connector.sessions.VenueSessions;
import dev.tradefleet.connector.threads.DaemonThreads;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.ClockRefusal;
import dev.tradefleet.connector.venue.VenueBusy;
import dev.tradefleet.connector.venue.VenueRejection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tests every new or replaced key with a harmless signed read (the account's balances) and stores the verdict
 * through credentials-service: {@code valid}, or {@code invalid} with the venue's reason. A check that could not
 * be made (network, venue busy, credentials-service away) is kept and tried again with growing pauses: a network
 * failure is never "invalid". Checks live in the database, so a restart loses none.
 */
public final class KeyChecks implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeyChecks.class);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Due(UUID credentialId, OffsetDateTime requestedAt, int attempts) {
    }

    private final Pool pool;
    private final VenueSessions sessions;
    private final KeyMaterialSource credentials;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("connector-key-checks"));

    public KeyChecks(Pool pool, VenueSessions sessions, KeyMaterialSource credentials, Clock clock) {
        this.pool = pool;
        this.sessions = sessions;
        this.credentials = credentials;
        this.clock = clock;
    }

    public void start() {
        worker.scheduleWithFixedDelay(this::runDue, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Part of the transaction that learned of the new key: the check is due now (again, if one was pending). */
    public Uni<Void> request(SqlClient tx, UUID credentialId) {
        return tx.preparedQuery("INSERT INTO key_checks (credential_id, requested_at, next_at) VALUES ($1, $2, $2)"
                        + " ON CONFLICT (credential_id) DO UPDATE SET requested_at = $2, attempts = 0, next_at = $2")
                .execute(Tuple.of(credentialId, now())).replaceWithVoid();
    }

    /** A check was requested: make the due ones now rather than at the next poll. */
    public void wake() {
        worker.execute(this::runDue);
    }

    private void runDue() {
        try {
            for (Due due : due()) {
                try {
                    check(due);
                } catch (RuntimeException e) {
                    // one check that fails oddly must not hold back the others
                    later(due, e.getClass().getSimpleName());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("key checks could not run: %s", e.toString());
        }
    }

    private List<Due> due() {
        return pool.preparedQuery("SELECT credential_id, requested_at, attempts FROM key_checks WHERE next_at <= $1 ORDER BY next_at LIMIT 50")
                .execute(Tuple.of(now())).map(rows -> {
                    List<Due> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(new Due(row.getUUID("credential_id"), row.getOffsetDateTime("requested_at"), row.getInteger("attempts")));
                    }
                    return due;
                }).await().atMost(WAIT);
    }

    private void check(Due due) {
        UUID id = due.credentialId();
        try {
            // the key is new: never test a session built on the old one
            sessions.drop(id);
            VenueSession session = await(sessions.session(id));
            await(session.client().balances());
            await(credentials.reportStatus(id, true, null));
            LOG.infof("key of credential %s on %s/%s is valid", id, session.venue(), session.environment());
            finish(due);
        } catch (UnknownCredential gone) {
            finish(due);
        } catch (VenueBusy | AmbiguousOutcome | CredentialsUnavailable notNow) {
            later(due, notNow.getMessage());
        } catch (ClockRefusal clocks) {
            // says nothing about the key
            later(due, clocks.code() + " " + clocks.getMessage());
        } catch (VenueRejection refused) {
            if ("venue-not-configured".equals(refused.code())) {
                LOG.warnf("key of credential %s not checked: %s", id, refused.getMessage());
            } else {
                await(credentials.reportStatus(id, false, refused.code() + ": " + refused.getMessage()));
                LOG.infof("key of credential %s is invalid: %s", id, refused.code());
            }
            finish(due);
        }
    }

    /** Not checked now, for a reason that is not the key's: again after a pause that grows with every try. */
    private void later(Due due, String why) {
        Duration pause = Duration.ofSeconds(Math.min(1L << Math.min(due.attempts() + 1, 20), MAX_PAUSE.toSeconds()));
        LOG.infof("key of credential %s not checked now (%s); again in %d s", due.credentialId(), why, pause.toSeconds());
        pool.preparedQuery("UPDATE key_checks SET attempts = attempts + 1, next_at = $3 WHERE credential_id = $1 AND requested_at = $2")
                .execute(Tuple.of(due.credentialId(), due.requestedAt(), now().plus(pause))).await().atMost(WAIT);
    }

    /** Done with this request; a newer one for the same credential (requested meanwhile) stays. */
    private void finish(Due due) {
        pool.preparedQuery("DELETE FROM key_checks WHERE credential_id = $1 AND requested_at = $2")
                .execute(Tuple.of(due.credentialId(), due.requestedAt())).await().atMost(WAIT);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static <T> T await(CompletionStage<T> stage) {
        return Blocking.await(stage, WAIT);
    }


    @Override
    public void close() {
        worker.shutdownNow();
    }
}
