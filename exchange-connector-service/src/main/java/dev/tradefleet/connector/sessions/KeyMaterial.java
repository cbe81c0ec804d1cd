package dev.tradefleet.connector.sessions;

import java.util.UUID;

/** One credential's key material as credentials-service hands it to the connector. Never logged: see toString. */
public record KeyMaterial(UUID credentialId, UUID userId, String venue, String environment, boolean active,
                          String apiKey, String secretKey, String passphrase) {

    @Override
    public String toString() {
        return "KeyMaterial[" + credentialId + ", " + venue + "/" + environment + ", redacted]";
    }
}
