package dev.tradefleet.credentials.keys;

import java.time.Instant;
import java.util.UUID;

/** What a user (or an admin) may see of a credential: never the secret, never the passphrase, the key masked. */
public record CredentialView(UUID id, String exchange, String environment, String label, String apiKey, boolean active,
                             String status, String statusReason, Instant lastTestedAt, Instant lastUsedAt,
                             Instant createdAt, Instant updatedAt) {

    public static CredentialView of(Credential c) {
        return new CredentialView(c.id(), c.exchange(), c.environment(), c.label(), c.apiKeyHint(), c.active(), c.status(),
                c.statusReason(), c.lastTestedAt(), c.lastUsedAt(), c.createdAt(), c.updatedAt());
    }
}
