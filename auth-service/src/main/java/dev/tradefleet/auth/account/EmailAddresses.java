package dev.tradefleet.auth.account;

import java.text.Normalizer;
import java.util.Locale;

/** One account per mailbox: addresses are compared in NFC, trimmed, lower case. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalise(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
