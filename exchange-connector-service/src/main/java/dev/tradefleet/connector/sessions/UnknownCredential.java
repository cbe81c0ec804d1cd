package dev.tradefleet.connector.sessions;

/** credentials-service has no such credential (or it was deleted): a definite answer. */
public class UnknownCredential extends RuntimeException {

    public UnknownCredential(String message) {
        super(message);
    }
}
