package dev.tradefleet.credentials.keys;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CredentialRepository {

    private static final String COLUMNS = "id, user_id, exchange, environment, label, api_key_hint, material, key_id, active,"
            + " status, status_reason, last_tested_at, last_used_at, created_at, updated_at";

    public Uni<Credential> insert(SqlClient tx, UUID id, UUID userId, String exchange, String environment, String label,
                                  String hint, byte[] material, int keyId) {
        return tx.preparedQuery("INSERT INTO credentials (id, user_id, exchange, environment, label, api_key_hint, material, key_id)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING " + COLUMNS)
                .execute(Tuple.from(List.of(id, userId, exchange, environment, label, hint, Buffer.buffer(material), (long) keyId)))
                .map(CredentialRepository::first);
    }

    /** The credential if it exists and belongs to {@code userId}; otherwise null, whichever the reason. */
    public Uni<Credential> findOwned(SqlClient db, UUID id, UUID userId, boolean lock) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM credentials WHERE id = $1 AND user_id = $2" + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id, userId)).map(CredentialRepository::first);
    }

    public Uni<Credential> findById(SqlClient db, UUID id) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM credentials WHERE id = $1").execute(Tuple.of(id))
                .map(CredentialRepository::first);
    }

    public Uni<Credential> findActive(SqlClient db, UUID userId, String exchange, String environment, String label) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM credentials WHERE user_id = $1 AND exchange = $2 AND environment = $3"
                        + " AND label = $4 AND active")
                .execute(Tuple.of(userId, exchange, environment, label)).map(CredentialRepository::first);
    }

    public Uni<List<Credential>> listByUser(SqlClient db, UUID userId) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM credentials WHERE user_id = $1 ORDER BY created_at, id")
                .execute(Tuple.of(userId)).map(CredentialRepository::all);
    }

    public Uni<Credential> rename(SqlClient tx, UUID id, String label) {
        return tx.preparedQuery("UPDATE credentials SET label = $2, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(id, label)).map(CredentialRepository::first);
    }

    /** New key material also means nobody has tested it yet. */
    public Uni<Credential> replaceMaterial(SqlClient tx, UUID id, String hint, byte[] material, int keyId) {
        return tx.preparedQuery("UPDATE credentials SET api_key_hint = $2, material = $3, key_id = $4, status = 'unverified',"
                        + " status_reason = NULL, last_tested_at = NULL, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(id, hint, Buffer.buffer(material), (long) keyId)).map(CredentialRepository::first);
    }

    public Uni<Credential> setActive(SqlClient tx, UUID id, boolean active) {
        return tx.preparedQuery("UPDATE credentials SET active = $2, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(id, active)).map(CredentialRepository::first);
    }

    public Uni<Credential> setStatus(SqlClient tx, UUID id, String status, String reason) {
        return tx.preparedQuery("UPDATE credentials SET status = $2, status_reason = $3, last_tested_at = now(), updated_at = now()"
                        + " WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(id, status, reason)).map(CredentialRepository::first);
    }

    /** Deletes the row: the ciphertext goes with it. */
    public Uni<Boolean> delete(SqlClient tx, UUID id) {
        return tx.preparedQuery("DELETE FROM credentials WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> recordRead(SqlClient tx, Credential credential, String client) {
        return tx.preparedQuery("UPDATE credentials SET last_used_at = now() WHERE id = $1").execute(Tuple.of(credential.id()))
                .flatMap(ignored -> tx.preparedQuery("INSERT INTO credential_reads (credential_id, user_id, client) VALUES ($1, $2, $3)")
                        .execute(Tuple.of(credential.id(), credential.userId(), client)))
                .replaceWithVoid();
    }

    /** Up to {@code limit} records not sealed with {@code keyId}, after {@code afterId}, locked; in id order. */
    public Uni<List<Credential>> lockNotSealedWith(SqlClient tx, int keyId, UUID afterId, int limit) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM credentials WHERE key_id <> $1 AND id > $2 ORDER BY id LIMIT $3"
                        + " FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of((long) keyId, afterId, limit)).map(CredentialRepository::all);
    }

    public Uni<Void> reseal(SqlClient tx, UUID id, byte[] material, int keyId) {
        return tx.preparedQuery("UPDATE credentials SET material = $2, key_id = $3 WHERE id = $1")
                .execute(Tuple.of(id, Buffer.buffer(material), (long) keyId)).replaceWithVoid();
    }

    public Uni<Long> countNotSealedWith(SqlClient db, int keyId) {
        return db.preparedQuery("SELECT count(*) FROM credentials WHERE key_id <> $1").execute(Tuple.of((long) keyId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Credential first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? map(it.next()) : null;
    }

    private static List<Credential> all(RowSet<Row> rows) {
        List<Credential> list = new ArrayList<>();
        rows.forEach(row -> list.add(map(row)));
        return list;
    }

    private static Credential map(Row row) {
        return new Credential(row.getUUID("id"), row.getUUID("user_id"), row.getString("exchange"), row.getString("environment"),
                row.getString("label"), row.getString("api_key_hint"), row.getBuffer("material").getBytes(),
                row.getLong("key_id").intValue(), row.getBoolean("active"), row.getString("status"), row.getString("status_reason"),
                instant(row.getOffsetDateTime("last_tested_at")), instant(row.getOffsetDateTime("last_used_at")),
                instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("updated_at")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
