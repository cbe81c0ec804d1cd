package dev.tradefleet.embedded;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.security.GeneralSecurityException;

/**
 * Tink AES-256-GCM keysets in Tink's JSON format, the form credentials-service reads: a fresh one, one with a
 * new primary key added (rotation), one with a key removed. For tests and for {@code ./fleet up}'s
 * development keyset; production keysets come from a Secret.
 */
public final class CredentialKeysets {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CredentialKeysets() {
    }

    public static String newKeyset() {
        try {
            return serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyset with a new key that becomes primary; the old keys stay for decryption. */
    public static String withNewPrimary(String keyset) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(parse(keyset));
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId().makePrimary());
            return serialize(builder.build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyset without the key {@code keyId} (which must not be the primary). */
    public static String without(String keyset, int keyId) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(parse(keyset));
            for (int i = 0; i < builder.size(); i++) {
                if (parse(keyset).getAt(i).getId() == keyId) {
                    builder.deleteAt(i);
                    return serialize(builder.build());
                }
            }
            throw new IllegalArgumentException("no key " + keyId + " in the keyset");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int primaryId(String keyset) {
        try {
            return parse(keyset).getPrimary().getId();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeysetHandle parse(String keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    private static String serialize(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }
}
