package dev.tradefleet.connector.sessions;

/** credentials-service (or auth-service for the connector's token) did not answer usefully: try again later. */
public class CredentialsUnavailable extends RuntimeException {

    public CredentialsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
