package dev.tradefleet.credentials.vault;

import dev.tradefleet.embedded.CredentialKeysets;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialCipherTest {

    private static final String K1 = CredentialKeysets.newKeyset();
    private final CredentialCipher cipher = CredentialCipher.fromKeyset(K1);
    private final UUID user = UUID.randomUUID();
    private final UUID credential = UUID.randomUUID();
    private final CredentialMaterial material = new CredentialMaterial("APIKEY-1234567890abcd", "SECRET-zyx987", "pass-phrase");

    @Test
    void sealedMaterialOpensForItsOwnRecordOnly() {
        CredentialCipher.Sealed sealed = cipher.seal(material, user, credential);
        assertEquals(material, cipher.open(sealed.ciphertext(), user, credential));
        assertEquals(CredentialKeysets.primaryId(K1), sealed.keyId());
        assertEquals(sealed.keyId(), CredentialCipher.keyIdOf(sealed.ciphertext()));
        String raw = new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("APIKEY") || raw.contains("SECRET") || raw.contains("pass-phrase"));
    }

    @Test
    void everySealIsDifferentBecauseTheNonceIsRandom() {
        assertNotEquals(new String(cipher.seal(material, user, credential).ciphertext(), StandardCharsets.ISO_8859_1),
                new String(cipher.seal(material, user, credential).ciphertext(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aCiphertextMovedToAnotherRecordOrUserDoesNotOpen() {
        byte[] sealed = cipher.seal(material, user, credential).ciphertext();
        UndecryptableCredentialException otherRecord = assertThrows(UndecryptableCredentialException.class,
                () -> cipher.open(sealed, user, UUID.randomUUID()));
        assertTrue(otherRecord.getMessage().contains("cannot be decrypted"), otherRecord.getMessage());
        assertThrows(UndecryptableCredentialException.class, () -> cipher.open(sealed, UUID.randomUUID(), credential));
    }

    @Test
    void aFlippedByteIsDetected() {
        byte[] sealed = cipher.seal(material, user, credential).ciphertext();
        for (int i = 0; i < sealed.length; i += 7) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(UndecryptableCredentialException.class, () -> cipher.open(tampered, user, credential), "byte " + i);
        }
    }

    @Test
    void afterRotationOldRecordsStillOpenAndNewOnesUseTheNewKey() {
        String rotated = CredentialKeysets.withNewPrimary(K1);
        CredentialCipher next = CredentialCipher.fromKeyset(rotated);
        byte[] old = cipher.seal(material, user, credential).ciphertext();
        assertEquals(material, next.open(old, user, credential));
        CredentialCipher.Sealed fresh = next.seal(material, user, credential);
        assertNotEquals(CredentialKeysets.primaryId(K1), fresh.keyId());

        CredentialCipher withoutOld = CredentialCipher.fromKeyset(CredentialKeysets.without(rotated, CredentialKeysets.primaryId(K1)));
        assertEquals(material, withoutOld.open(fresh.ciphertext(), user, credential));
        assertThrows(UndecryptableCredentialException.class, () -> withoutOld.open(old, user, credential));
    }

    @Test
    void aMissingPassphraseRoundTrips() {
        CredentialMaterial noPassphrase = new CredentialMaterial("k", "s", null);
        assertEquals(noPassphrase, cipher.open(cipher.seal(noPassphrase, user, credential).ciphertext(), user, credential));
    }

    @Test
    void materialNeverPrintsItself() {
        assertFalse(material.toString().contains("SECRET"));
        assertEquals("****abcd", material.apiKeyHint());
    }

    @Test
    void aBrokenKeysetIsRefusedWithoutEchoingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CredentialCipher.fromKeyset("{\"secret\": \"x\"}"));
        assertFalse(e.getMessage().contains("secret"));
    }
}
