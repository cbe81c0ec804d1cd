package dev.tradefleet.auth.session;

import dev.tradefleet.auth.AuthConfig;
import dev.tradefleet.auth.account.EmailAddresses;
import dev.tradefleet.auth.account.Passwords;
import dev.tradefleet.auth.account.User;
import dev.tradefleet.auth.account.UserRepository;
import dev.tradefleet.auth.audit.AuditLog;
import dev.tradefleet.auth.token.AccessTokens;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Logins, refresh-token rotation and logout. A failed login never says whether the account exists: the
 * answer, its timing and the throttling are the same for unknown addresses.
 */
@ApplicationScoped
public class SessionService {

    public record Session(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    private enum RefreshOutcome { INVALID, REUSED, ROTATED }

    private record CountedAttempt(LoginThrottleRepository.Transition account, LoginThrottleRepository.Transition address) {
    }

    private record Refreshed(RefreshOutcome outcome, User user, String refreshToken) {
        static final Refreshed INVALID = new Refreshed(RefreshOutcome.INVALID, null, null);
        static final Refreshed REUSED = new Refreshed(RefreshOutcome.REUSED, null, null);
    }

    private static final String INVALID_LOGIN = "The email address or the password is wrong.";
    private static final String INVALID_REFRESH = "The refresh token is not valid; log in again.";

    private final Pool pool;
    private final UserRepository users;
    private final Passwords passwords;
    private final RefreshTokenRepository refreshTokens;
    private final LoginThrottleRepository throttles;
    private final AccessTokens accessTokens;
    private final AuditLog audit;
    private final AuthConfig config;
    private final LoginThrottlePolicy accountPolicy;
    private final LoginThrottlePolicy addressPolicy;

    SessionService(Pool pool, UserRepository users, Passwords passwords, RefreshTokenRepository refreshTokens,
                   LoginThrottleRepository throttles, AccessTokens accessTokens, AuditLog audit, AuthConfig config) {
        this.pool = pool;
        this.users = users;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.throttles = throttles;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.config = config;
        AuthConfig.Throttle t = config.throttle();
        this.accountPolicy = new LoginThrottlePolicy(new LoginThrottlePolicy.Limits(t.window(), t.slowAfter(), t.delayStep(),
                t.maxDelay(), t.lockAccountAfter(), t.lockDuration()));
        this.addressPolicy = new LoginThrottlePolicy(new LoginThrottlePolicy.Limits(t.window(), t.lockAddressAfter(), t.delayStep(),
                t.maxDelay(), t.lockAddressAfter(), t.lockDuration()));
    }

    /**
     * Every attempt is counted before the password is checked, under the throttle rows' locks, and taken back
     * if it succeeds: parallel guesses queue on the lock, so no more of them reach the password check than the
     * limit allows.
     */
    public Uni<Session> login(String email, String password, String address) {
        String normalised = EmailAddresses.normalise(email);
        String accountKey = "account:" + normalised;
        String addressKey = "address:" + address;
        Instant now = Instant.now();
        return pool.withTransaction(tx -> throttles.update(tx, accountKey, s -> accountPolicy.countAttempt(s, now))
                        .flatMap(account -> throttles.update(tx, addressKey, s -> addressPolicy.countAttempt(s, now))
                                .map(byAddress -> new CountedAttempt(account, byAddress))))
                .flatMap(counted -> {
                    Optional<Duration> locked = longest(LoginThrottlePolicy.lockedFor(counted.account().before(), now),
                            LoginThrottlePolicy.lockedFor(counted.address().before(), now));
                    if (locked.isPresent()) {
                        return audit.record(pool, "login-throttled", null, address, null).flatMap(ignored -> Uni.createFrom()
                                .failure(ProblemException.tooManyRequests("Too many failed logins; try again later.",
                                        (locked.get().toMillis() + 999) / 1000)));
                    }
                    return users.findByEmail(pool, normalised).flatMap(user -> passwords
                            .matches(password, user == null ? null : user.passwordHash())
                            .flatMap(ok -> ok
                                    ? startSession(user, accountKey, addressKey, address)
                                    : failLogin(user, counted.account().after(), address)));
                });
    }

    private Uni<Session> failLogin(User user, LoginThrottlePolicy.State account, String address) {
        return audit.record(pool, "login-failed", user == null ? null : user.id(), address, null)
                .flatMap(ignored -> Uni.createFrom().<Session>failure(ProblemException.unauthorized(INVALID_LOGIN))
                        .onFailure().call(() -> Uni.createFrom().voidItem()
                                .onItem().delayIt().by(accountPolicy.delayAfter(account).plusMillis(1))));
    }

    private Uni<Session> startSession(User user, String accountKey, String addressKey, String address) {
        String refresh = RefreshTokens.newToken();
        return pool.withTransaction(tx -> throttles.clear(tx, accountKey)
                        .call(() -> throttles.update(tx, addressKey, addressPolicy::withdrawAttempt))
                        .call(() -> refreshTokens.insert(tx, UUID.randomUUID(), user.id(), refresh,
                                Instant.now().plus(config.refreshTokenTtl())))
                        .call(() -> audit.record(tx, "login", user.id(), address, null)))
                .flatMap(ignored -> session(user, refresh));
    }

    public Uni<Session> refresh(String token, String address) {
        return pool.withTransaction(tx -> refreshTokens.findForUpdate(tx, token).flatMap(stored -> {
            if (stored == null || stored.revokedAt() != null || stored.expiresAt().isBefore(Instant.now())) {
                return Uni.createFrom().item(Refreshed.INVALID);
            }
            if (stored.rotatedAt() != null) {
                return refreshTokens.revokeFamily(tx, stored.familyId(), "reuse")
                        .call(revoked -> audit.record(tx, "refresh-token-reuse", stored.userId(), address,
                                "family " + stored.familyId() + " revoked (" + revoked + " live tokens)"))
                        .replaceWith(Refreshed.REUSED);
            }
            return users.findById(tx, stored.userId()).flatMap(user -> {
                if (user == null) {
                    return Uni.createFrom().item(Refreshed.INVALID);
                }
                String next = RefreshTokens.newToken();
                return refreshTokens.markRotated(tx, stored.id())
                        .call(() -> refreshTokens.insert(tx, stored.familyId(), user.id(), next,
                                Instant.now().plus(config.refreshTokenTtl())))
                        .replaceWith(new Refreshed(RefreshOutcome.ROTATED, user, next));
            });
        })).flatMap(result -> result.outcome() == RefreshOutcome.ROTATED
                ? session(result.user(), result.refreshToken())
                : Uni.createFrom().failure(ProblemException.unauthorized(INVALID_REFRESH)));
    }

    /**
     * Ends the session the token belongs to (its whole family), if it is {@code callerId}'s. Unknown tokens, and
     * tokens of other users, are ignored alike: logout is idempotent and says nothing about anyone else's tokens.
     */
    public Uni<Void> logout(String token, String callerId, String address) {
        return pool.withTransaction(tx -> refreshTokens.findForUpdate(tx, token).flatMap(stored -> stored == null
                || !stored.userId().toString().equals(callerId)
                ? Uni.createFrom().voidItem()
                : revokeAndAudit(tx, stored, address)));
    }

    private Uni<Void> revokeAndAudit(SqlClient tx, RefreshTokenRepository.StoredToken stored, String address) {
        return refreshTokens.revokeFamily(tx, stored.familyId(), "logout")
                .call(() -> audit.record(tx, "logout", stored.userId(), address, null)).replaceWithVoid();
    }

    private Uni<Session> session(User user, String refresh) {
        return accessTokens.forUser(user.id(), user.email(), user.roles())
                .map(access -> new Session(access, refresh, accessTokens.userTokenTtl().toSeconds()));
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }
}
