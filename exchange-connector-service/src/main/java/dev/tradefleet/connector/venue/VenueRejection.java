package dev.tradefleet.connector.venue;

/**
 * The venue refused the request and said why: a definite answer (the order does not exist). Carries the venue's
 * own code and message, which go into the rejected update as they are.
 */
public class VenueRejection extends RuntimeException {

    private final String code;

    public VenueRejection(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
