package dev.tradefleet.auth.account;

import dev.tradefleet.auth.AuthConfig;
import dev.tradefleet.auth.audit.AuditLog;
import dev.tradefleet.auth.session.LoginThrottlePolicy;
import dev.tradefleet.auth.session.LoginThrottleRepository;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final Pool pool;
    private final UserRepository users;
    private final Passwords passwords;
    private final AuditLog audit;
    private final LoginThrottleRepository throttles;
    private final LoginThrottlePolicy registrationPolicy;

    AccountService(Pool pool, UserRepository users, Passwords passwords, AuditLog audit, LoginThrottleRepository throttles,
                   AuthConfig config) {
        this.pool = pool;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.throttles = throttles;
        AuthConfig.Throttle t = config.throttle();
        this.registrationPolicy = new LoginThrottlePolicy(new LoginThrottlePolicy.Limits(t.registrationWindow(),
                Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO, t.registrationsPerAddress(), t.registrationWindow()));
    }

    /** A sign-up from the public: at most so many per client address and window, counted under a row lock. */
    public Uni<User> registerUser(String email, String password, String name, String address) {
        Instant now = Instant.now();
        return pool.withTransaction(tx -> throttles.update(tx, "register:" + address, s -> registrationPolicy.countAttempt(s, now)))
                .flatMap(counted -> {
                    Optional<Duration> locked = LoginThrottlePolicy.lockedFor(counted.before(), now);
                    if (locked.isPresent()) {
                        return Uni.createFrom().failure(ProblemException.tooManyRequests(
                                "Too many registrations from your address; try again later.", (locked.get().toMillis() + 999) / 1000));
                    }
                    return register(email, password, name, List.of(User.ROLE_USER), address);
                });
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

    /**
     * Creates the configured administrator if no account has its email. An existing account is never promoted:
     * whoever registered that address first (perhaps not the operator) would become an administrator. Returns
     * the administrator, or null when the address belongs to an account without the admin role.
     */
    public Uni<User> ensureAdmin(String email, String password, String name) {
        String normalised = EmailAddresses.normalise(email);
        return users.findByEmail(pool, normalised).flatMap(existing -> {
            if (existing == null) {
                return register(normalised, password, name, List.of(User.ROLE_USER, User.ROLE_ADMIN), "bootstrap");
            }
            if (!existing.roles().contains(User.ROLE_ADMIN)) {
                LOG.errorf("SECURITY: the configured administrator email %s belongs to an existing account (%s) that is not an"
                        + " administrator; it was NOT promoted. Configure another address, or grant the role deliberately.",
                        normalised, existing.id());
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().item(existing);
        });
    }
}
