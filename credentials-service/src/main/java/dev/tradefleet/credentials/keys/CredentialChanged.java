package dev.tradefleet.credentials.keys;

import java.util.UUID;

/**
 * Payload of {@code credentials.changed} on {@code credentials.changes.v1}: what happened to which credential,
 * so the exchange connector drops sessions built on stale key material at once. Never carries material.
 */
public record CredentialChanged(UUID credentialId, UUID userId, String exchange, String environment, String label,
                                String change, boolean active) {

    public static final String TYPE = "credentials.changed";

    /** created, relabelled, key-replaced, activated, deactivated, status-changed, deleted */
    static CredentialChanged of(Credential c, String change) {
        return new CredentialChanged(c.id(), c.userId(), c.exchange(), c.environment(), c.label(), change, c.active());
    }
}
