package dev.tradefleet.credentials.vault;

import java.util.UUID;

/** A stored ciphertext that does not open: altered, moved to another row or user, or its key was removed. */
public class UndecryptableCredentialException extends RuntimeException {

    public UndecryptableCredentialException(UUID credentialId) {
        super("the key material of credential " + credentialId + " cannot be decrypted: it was altered, belongs to"
                + " another record or user, or its encryption key is no longer in the keyset", null, false, false);
    }
}
