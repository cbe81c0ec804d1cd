package dev.tradefleet.credentials;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "tradefleet.credentials")
public interface CredentialsConfig {

    /** The Tink keyset (JSON) itself, e.g. from an environment variable filled from a Kubernetes Secret. */
    Optional<String> keyset();

    /** Or a file holding it (a mounted Secret, or {@code .fleet/keys/credentials-keyset.json}). */
    Optional<String> keysetLocation();

    /** The only service client that may read key material. */
    @WithDefault("exchange-connector")
    String connectorClient();

    /** Records re-encrypted per transaction when rotating keys. */
    @WithDefault("100")
    int reEncryptionBatchSize();
}
