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

    public Uni<LoginThrottlePolicy.State> find(SqlClient db, String subject) {
        return db.preparedQuery("SELECT failures, window_started, locked_until FROM login_throttle WHERE subject = $1")
                .execute(Tuple.of(subject))
                .map(rows -> rows.iterator().hasNext() ? state(rows.iterator().next()) : null);
    }

    /** Reads the state under a row lock, applies {@code change} and stores the result; returns it. */
    public Uni<LoginThrottlePolicy.State> update(SqlClient tx, String subject, UnaryOperator<LoginThrottlePolicy.State> change) {
        return tx.preparedQuery("SELECT failures, window_started, locked_until FROM login_throttle WHERE subject = $1 FOR UPDATE")
                .execute(Tuple.of(subject))
                .flatMap(rows -> {
                    LoginThrottlePolicy.State next = change.apply(rows.iterator().hasNext() ? state(rows.iterator().next()) : null);
                    return tx.preparedQuery("INSERT INTO login_throttle (subject, failures, window_started, locked_until)"
                                    + " VALUES ($1, $2, $3, $4) ON CONFLICT (subject) DO UPDATE SET failures = EXCLUDED.failures,"
                                    + " window_started = EXCLUDED.window_started, locked_until = EXCLUDED.locked_until")
                            .execute(Tuple.of(subject, next.failures(), utc(next.windowStarted()), utc(next.lockedUntil())))
                            .replaceWith(next);
                });
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
