package dev.tradefleet.auth.account;

import dev.tradefleet.auth.audit.AuditLog;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccountService {

    private final Pool pool;
    private final UserRepository users;
    private final Passwords passwords;
    private final AuditLog audit;

    AccountService(Pool pool, UserRepository users, Passwords passwords, AuditLog audit) {
        this.pool = pool;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    public Uni<User> register(String email, String password, String name, List<String> roles, String address) {
        String normalised = EmailAddresses.normalise(email);
        List<String> violations = PasswordPolicy.violations(password, normalised);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest("The password is not acceptable.",
                    violations.stream().map(v -> new Problem.FieldError("password", v)).toList()));
        }
        return passwords.hash(password).flatMap(hash -> pool.withTransaction(tx -> users
                .insertIfEmailFree(tx, new User(UUID.randomUUID(), normalised, name.strip(), hash, roles, null))
                .flatMap(created -> created == null
                        ? Uni.createFrom().failure(ProblemException.conflict("email-taken",
                                "An account with this email address already exists."))
                        : audit.record(tx, "register", created.id(), address, null).replaceWith(created))));
    }

    public Uni<User> find(UUID id) {
        return users.findById(pool, id);
    }

    /** Makes sure the configured administrator exists and has the admin role; returns it. */
    public Uni<User> ensureAdmin(String email, String password, String name) {
        String normalised = EmailAddresses.normalise(email);
        return users.findByEmail(pool, normalised).flatMap(existing -> existing == null
                ? register(normalised, password, name, List.of(User.ROLE_USER, User.ROLE_ADMIN), "bootstrap")
                : pool.withTransaction(tx -> users.addRole(tx, existing.id(), User.ROLE_ADMIN)
                        .flatMap(ignored -> users.findById(tx, existing.id()))));
    }
}
