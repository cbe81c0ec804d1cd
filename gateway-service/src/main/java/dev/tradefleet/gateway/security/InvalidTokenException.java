package dev.tradefleet.gateway.security;

/** The bearer token is not one we accept; the message is for logs, never for the client. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
