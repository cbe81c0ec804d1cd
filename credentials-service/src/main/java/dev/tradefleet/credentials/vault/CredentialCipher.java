package dev.tradefleet.credentials.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Seals credential material with Tink AEAD (AES-256-GCM, a random nonce per record). The associated data
 * binds each ciphertext to its user and credential id, so a ciphertext copied to another row or user does
 * not open. Tink prefixes each ciphertext with the id of the key that made it: new records use the
 * primary key, older ones keep opening with theirs until that key leaves the keyset.
 */
public final class CredentialCipher {

    /** A ciphertext and the id of the key that sealed it. */
    public record Sealed(byte[] ciphertext, int keyId) {
    }

    private static final byte FORMAT_VERSION = 1;
    private static final int TINK_PREFIX_LENGTH = 5;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;
    private final int primaryKeyId;

    private CredentialCipher(KeysetHandle keyset) throws GeneralSecurityException {
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.primaryKeyId = keyset.getPrimary().getId();
    }

    /** A cipher over a keyset in Tink's JSON format. */
    public static CredentialCipher fromKeyset(String keysetJson) {
        try {
            return new CredentialCipher(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            // never include the keyset text: it is the secret
            throw new IllegalStateException("the credentials keyset is not a valid Tink AEAD keyset", null);
        }
    }

    public int primaryKeyId() {
        return primaryKeyId;
    }

    public Sealed seal(CredentialMaterial material, UUID userId, UUID credentialId) {
        try {
            return new Sealed(aead.encrypt(serialize(material), associatedData(userId, credentialId)), primaryKeyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", null);
        }
    }

    public CredentialMaterial open(byte[] ciphertext, UUID userId, UUID credentialId) {
        try {
            return deserialize(aead.decrypt(ciphertext, associatedData(userId, credentialId)));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new UndecryptableCredentialException(credentialId);
        }
    }

    /** The id of the key a ciphertext was sealed with, read from Tink's output prefix. */
    public static int keyIdOf(byte[] ciphertext) {
        if (ciphertext.length < TINK_PREFIX_LENGTH) {
            return 0;
        }
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    static byte[] associatedData(UUID userId, UUID credentialId) {
        return ("tradefleet:credential:v1:" + userId + ":" + credentialId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] serialize(CredentialMaterial material) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeUTF(material.apiKey());
            out.writeUTF(material.secretKey());
            out.writeBoolean(material.passphrase() != null);
            if (material.passphrase() != null) {
                out.writeUTF(material.passphrase());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static CredentialMaterial deserialize(byte[] plaintext) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            if (in.readByte() != FORMAT_VERSION) {
                throw new IOException("unknown format");
            }
            String apiKey = in.readUTF();
            String secretKey = in.readUTF();
            String passphrase = in.readBoolean() ? in.readUTF() : null;
            return new CredentialMaterial(apiKey, secretKey, passphrase);
        }
    }
}
