package dev.tradefleet.credentials.vault;

import dev.tradefleet.credentials.CredentialsConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class CipherProducer {

    @Produces
    @Singleton
    CredentialCipher cipher(CredentialsConfig config) {
        if (config.keyset().isPresent() == config.keysetLocation().isPresent()) {
            throw new IllegalStateException("set exactly one of tradefleet.credentials.keyset and tradefleet.credentials.keyset-location");
        }
        String keyset = config.keyset().orElseGet(() -> {
            try {
                return Files.readString(Path.of(config.keysetLocation().get()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the credentials keyset file " + config.keysetLocation().get(), e);
            }
        });
        return CredentialCipher.fromKeyset(keyset);
    }
}
