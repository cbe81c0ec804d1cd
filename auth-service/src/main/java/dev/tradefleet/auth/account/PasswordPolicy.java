package dev.tradefleet.auth.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a password must be, beyond the length checked on the request: not guessable from the account itself. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** The reasons {@code password} is refused for {@code email}; empty when it is acceptable. */
    public static List<String> violations(String password, String email) {
        List<String> reasons = new ArrayList<>();
        if (password == null) {
            return List.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            reasons.add("must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            reasons.add("must be at most " + MAX_LENGTH + " characters");
        }
        if (email != null && !email.isBlank()) {
            String lower = password.strip().toLowerCase(Locale.ROOT);
            String normalisedEmail = EmailAddresses.normalise(email);
            String localPart = normalisedEmail.contains("@") ? normalisedEmail.substring(0, normalisedEmail.indexOf('@')) : normalisedEmail;
            if (lower.equals(normalisedEmail) || lower.equals(localPart)) {
                reasons.add("must not be the email address");
            }
        }
        if (password.chars().allMatch(c -> c == password.charAt(0))) {
            reasons.add("must not be one repeated character");
        }
        return reasons;
    }
}
