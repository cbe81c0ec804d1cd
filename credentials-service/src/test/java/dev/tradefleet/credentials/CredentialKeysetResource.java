package dev.tradefleet.credentials;

import dev.tradefleet.embedded.CredentialKeysets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The service runs with a keyset of two keys: an old one (k1) and the primary (k2), as after step one of a
 * rotation. Tests seal "old" records with k1 alone to have something to re-encrypt.
 */
public class CredentialKeysetResource implements QuarkusTestResourceLifecycleManager {

    public static final String OLD_ONLY = CredentialKeysets.newKeyset();
    public static final String OLD_AND_NEW = CredentialKeysets.withNewPrimary(OLD_ONLY);

    @Override
    public Map<String, String> start() {
        return Map.of("tradefleet.credentials.keyset", OLD_AND_NEW);
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
