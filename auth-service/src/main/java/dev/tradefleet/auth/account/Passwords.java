package dev.tradefleet.auth.account;

import dev.tradefleet.auth.AuthConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * bcrypt password hashes, computed on a worker thread (a cost-12 hash takes a few hundred milliseconds and
 * must never run on the event loop). bcrypt reads only 72 bytes, so the password is first reduced to a
 * SHA-256 digest: long passphrases count in full.
 */
@ApplicationScoped
public class Passwords {

    private final int cost;
    /** Compared against when the account does not exist, so that both cases take as long. */
    private final String decoyHash;

    Passwords(AuthConfig config) {
        this.cost = config.bcryptCost();
        this.decoyHash = BcryptUtil.bcryptHash(prehash("decoy password for unknown accounts"), cost);
    }

    public Uni<String> hash(String password) {
        return Uni.createFrom().item(() -> BcryptUtil.bcryptHash(prehash(password), cost))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Checks {@code password} against {@code hash}, or against a decoy when there is no account. */
    public Uni<Boolean> matches(String password, String hashOrNull) {
        return Uni.createFrom().item(() -> {
            boolean ok = BcryptUtil.matches(prehash(password), hashOrNull == null ? decoyHash : hashOrNull);
            return ok && hashOrNull != null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
