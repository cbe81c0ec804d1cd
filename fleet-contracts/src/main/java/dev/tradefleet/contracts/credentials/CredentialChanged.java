package dev.tradefleet.contracts.credentials;

import java.util.UUID;

/**
 * Payload of {@code credentials.changed} on {@code credentials.changes.v1}, keyed by the credential id: what
 * happened to which credential, so the exchange connector drops sessions built on stale key material at once and
 * tests new keys. Never carries material.
 *
 * @param change one of {@code created, relabelled, key-replaced, activated, deactivated, status-changed, deleted}
 */
public record CredentialChanged(UUID credentialId, UUID userId, String exchange, String environment, String label,
                                String change, boolean active) {

    public static final String TYPE = "credentials.changed";
    public static final String CREATED = "created";
    public static final String KEY_REPLACED = "key-replaced";

    /** A change after which the key is new to the venue and must be tested. */
    public boolean newKey() {
        return CREATED.equals(change) || KEY_REPLACED.equals(change);
    }
}
