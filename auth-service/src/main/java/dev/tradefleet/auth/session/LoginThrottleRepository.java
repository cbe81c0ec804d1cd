package dev.tradefleet.auth.session;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

@ApplicationScoped
public class LoginThrottleRepository {

    /** A throttle row before and after one change, made under the row's lock. */
    public record Transition(LoginThrottlePolicy.State before, LoginThrottlePolicy.State after) {
    }

    /** Reads the state under a row lock, applies {@code change} and stores the result; returns both. */
    public Uni<Transition> update(SqlClient tx, String subject, UnaryOperator<LoginThrottlePolicy.State> change) {
        // The row must exist to be locked: concurrent first attempts would otherwise all read "no row" and
        // overwrite each other's counts.
        return tx.preparedQuery("INSERT INTO login_throttle (subject, failures, window_started) VALUES ($1, 0, now())"
                        + " ON CONFLICT (subject) DO NOTHING").execute(Tuple.of(subject))
                .flatMap(ignored -> tx.preparedQuery(
                        "SELECT failures, window_started, locked_until FROM login_throttle WHERE subject = $1 FOR UPDATE")
                        .execute(Tuple.of(subject)))
                .flatMap(rows -> {
                    LoginThrottlePolicy.State before = rows.iterator().hasNext() ? state(rows.iterator().next()) : null;
                    LoginThrottlePolicy.State next = change.apply(before);
                    if (next == null) {
                        return Uni.createFrom().item(new Transition(before, null));
                    }
                    return tx.preparedQuery("UPDATE login_throttle SET failures = $2, window_started = $3, locked_until = $4"
                                    + " WHERE subject = $1")
                            .execute(Tuple.of(subject, next.failures(), utc(next.windowStarted()), utc(next.lockedUntil())))
                            .replaceWith(new Transition(before, next));
                });
    }

    /**
     * Deletes rows whose window has passed and that lock nothing: made-up emails and one-off addresses leave
     * no lasting trace, so the table stays as small as the traffic of one window.
     */
    public Uni<Integer> prune(SqlClient db, Instant windowStartedBefore) {
        return db.preparedQuery("DELETE FROM login_throttle WHERE window_started < $1 AND (locked_until IS NULL OR locked_until < now())")
                .execute(Tuple.of(utc(windowStartedBefore))).map(rows -> rows.rowCount());
    }

    public Uni<Void> clear(SqlClient db, String subject) {
        return db.preparedQuery("DELETE FROM login_throttle WHERE subject = $1").execute(Tuple.of(subject)).replaceWithVoid();
    }

    private static LoginThrottlePolicy.State state(Row row) {
        OffsetDateTime locked = row.getOffsetDateTime("locked_until");
        return new LoginThrottlePolicy.State(row.getInteger("failures"), row.getOffsetDateTime("window_started").toInstant(),
                locked == null ? null : locked.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
