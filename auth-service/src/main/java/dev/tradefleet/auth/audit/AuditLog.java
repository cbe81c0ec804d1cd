package dev.tradefleet.auth.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Security-relevant events, kept in the database (queryable per user) and written to the {@code audit} log
 * category. Details never hold passwords or tokens.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("audit");

    public Uni<Void> record(SqlClient db, String action, UUID userId, String address, String detail) {
        LOG.infof("action=%s user=%s address=%s %s", action, userId, address, detail == null ? "" : detail);
        return db.preparedQuery("INSERT INTO audit_log (action, user_id, address, detail) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(action, userId, address, detail)).replaceWithVoid();
    }
}
