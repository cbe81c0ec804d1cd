package dev.tradefleet.connector.sessions;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Where key material comes from (credentials-service) and where the verdict on a key goes. A stage fails with
 * {@link UnknownCredential} when there is no such credential, and with {@link CredentialsUnavailable} when the
 * answer could not be had (try again later).
 */
public interface KeyMaterialSource {

    CompletionStage<KeyMaterial> material(UUID credentialId);

    /** Stores whether the key works: {@code valid}, or {@code invalid} with the venue's reason. */
    CompletionStage<Void> reportStatus(UUID credentialId, boolean valid, String reason);
}
