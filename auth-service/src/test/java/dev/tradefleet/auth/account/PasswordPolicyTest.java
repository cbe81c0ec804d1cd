package dev.tradefleet.auth.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void acceptsALongPassphrase() {
        assertTrue(PasswordPolicy.violations("correct horse battery staple", "ada@example.com").isEmpty());
    }

    @Test
    void refusesShortPasswords() {
        assertEquals(1, PasswordPolicy.violations("short", "ada@example.com").size());
    }

    @Test
    void refusesTheEmailAddressOrItsLocalPartInAnyCase() {
        assertTrue(PasswordPolicy.violations("Ada.Lovelace@Example.com", "ada.lovelace@example.com")
                .contains("must not be the email address"));
        assertTrue(PasswordPolicy.violations("ada.lovelace", "Ada.Lovelace@example.com")
                .contains("must not be the email address"));
    }

    @Test
    void refusesOneRepeatedCharacter() {
        assertTrue(PasswordPolicy.violations("aaaaaaaaaaaa", "x@example.com").contains("must not be one repeated character"));
    }

    @Test
    void countsCharactersNotBytes() {
        assertTrue(PasswordPolicy.violations("🔒🔒🔒🔒🔒🔑🔑🔑🔑🔑", "x@example.com").isEmpty());
    }

    @Test
    void normalisesEmails() {
        assertEquals("ada@example.com", EmailAddresses.normalise("  Ada@EXAMPLE.com "));
    }
}
