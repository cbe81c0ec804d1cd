package dev.tradefleet.auth.account;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UserRepository {

    private static final String COLUMNS = "id, email, name, password_hash, roles, created_at";

    /** Inserts the user unless the email is taken; empty when it was. */
    public Uni<User> insertIfEmailFree(SqlClient db, User user) {
        return db.preparedQuery("INSERT INTO users (id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5)"
                        + " ON CONFLICT (email) DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(user.id(), user.email(), user.name(), user.passwordHash(), user.roles().toArray(String[]::new)))
                .map(UserRepository::first);
    }

    public Uni<User> findByEmail(SqlClient db, String normalisedEmail) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE email = $1").execute(Tuple.of(normalisedEmail))
                .map(UserRepository::first);
    }

    public Uni<User> findById(SqlClient db, UUID id) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE id = $1").execute(Tuple.of(id))
                .map(UserRepository::first);
    }

    private static User first(RowSet<Row> rows) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return null;
        }
        Row row = it.next();
        List<String> roles = Arrays.asList(row.getArrayOfStrings("roles"));
        return new User(row.getUUID("id"), row.getString("email"), row.getString("name"), row.getString("password_hash"),
                roles, row.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }
}
