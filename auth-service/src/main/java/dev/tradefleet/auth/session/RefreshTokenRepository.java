package dev.tradefleet.auth.session;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class RefreshTokenRepository {

    public record StoredToken(UUID id, UUID familyId, UUID userId, Instant expiresAt, Instant rotatedAt, Instant revokedAt) {
    }

    public Uni<Void> insert(SqlClient tx, UUID familyId, UUID userId, String token, Instant expiresAt) {
        return tx.preparedQuery("INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(UUID.randomUUID(), familyId, userId, Buffer.buffer(RefreshTokens.hash(token)),
                        expiresAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** The token with this value, locked for the rest of the transaction; null when there is none. */
    public Uni<StoredToken> findForUpdate(SqlClient tx, String token) {
        return tx.preparedQuery("SELECT id, family_id, user_id, expires_at, rotated_at, revoked_at FROM refresh_tokens"
                        + " WHERE token_hash = $1 FOR UPDATE")
                .execute(Tuple.of(Buffer.buffer(RefreshTokens.hash(token))))
                .map(rows -> rows.iterator().hasNext() ? stored(rows.iterator().next()) : null);
    }

    public Uni<Void> markRotated(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE refresh_tokens SET rotated_at = now() WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** Revokes every live token of the family; returns how many were still live. */
    public Uni<Integer> revokeFamily(SqlClient tx, UUID familyId, String reason) {
        return tx.preparedQuery("UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $2"
                        + " WHERE family_id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(familyId, reason)).map(rows -> rows.rowCount());
    }

    private static StoredToken stored(Row row) {
        return new StoredToken(row.getUUID("id"), row.getUUID("family_id"), row.getUUID("user_id"),
                instant(row.getOffsetDateTime("expires_at")), instant(row.getOffsetDateTime("rotated_at")),
                instant(row.getOffsetDateTime("revoked_at")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
