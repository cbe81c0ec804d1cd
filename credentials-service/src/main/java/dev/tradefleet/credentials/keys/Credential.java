package dev.tradefleet.credentials.keys;

import java.time.Instant;
import java.util.UUID;

/** A stored credential: metadata in the clear, key material sealed. */
public record Credential(UUID id, UUID userId, String exchange, String environment, String label, String apiKeyHint,
                         byte[] material, int keyId, boolean active, String status, String statusReason,
                         Instant lastTestedAt, Instant lastUsedAt, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "Credential[" + id + " " + exchange + "/" + environment + "/" + label + "]";
    }
}
