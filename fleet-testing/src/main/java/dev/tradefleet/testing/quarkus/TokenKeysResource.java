package dev.tradefleet.testing.quarkus;

import dev.tradefleet.embedded.SigningKeys;
import dev.tradefleet.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One signing key per test JVM: auth-service signs with it, every service verifies with its JWKS, and
 * {@link #tokens()} mints tokens (good and bad) with it.
 */
public class TokenKeysResource implements QuarkusTestResourceLifecycleManager {

    public static final String KEY_ID = "test-key-1";
    private static SigningKeys.Generated keys;

    public static synchronized SigningKeys.Generated keys() {
        if (keys == null) {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tradefleet-keys-" + ProcessHandle.current().pid());
            keys = SigningKeys.write(dir, KEY_ID, SigningKeys.newKeyPair(), List.of());
        }
        return keys;
    }

    public static TestTokens tokens() {
        return new TestTokens(keys().keyPair(), KEY_ID);
    }

    @Override
    public Map<String, String> start() {
        SigningKeys.Generated k = keys();
        return Map.of(
                "tradefleet.auth.signing.private-key-location", k.privateKeyFile().toString(),
                "tradefleet.auth.signing.key-id", KEY_ID,
                "mp.jwt.verify.publickey.location", k.jwksFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "mp.jwt.verify.audiences", TestTokens.AUDIENCE);
    }

    @Override
    public void stop() {
        // keys live for the JVM
    }
}
