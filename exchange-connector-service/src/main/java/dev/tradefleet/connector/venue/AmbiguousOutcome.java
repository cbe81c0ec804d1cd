package dev.tradefleet.connector.venue;

/**
 * The answer was lost (timeout, dropped connection, a 5xx): the request may or may not have taken effect. Never
 * a rejection: the order stays in flight until the venue is asked by client order id.
 */
public class AmbiguousOutcome extends RuntimeException {

    public AmbiguousOutcome(String message, Throwable cause) {
        super(message, cause);
    }
}
