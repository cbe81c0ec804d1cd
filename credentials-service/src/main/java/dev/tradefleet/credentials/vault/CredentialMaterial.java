package dev.tradefleet.credentials.vault;

/**
 * The secret part of a credential, in the clear, in memory only. {@code toString} is redacted so that no
 * log line, exception message or debugger print can carry it by accident.
 */
public record CredentialMaterial(String apiKey, String secretKey, String passphrase) {

    /** What users see of their API key: its last four characters. */
    public String apiKeyHint() {
        return apiKey.length() <= 4 ? "****" : "****" + apiKey.substring(apiKey.length() - 4);
    }

    @Override
    public String toString() {
        return "CredentialMaterial[redacted]";
    }
}
