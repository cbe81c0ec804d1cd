package dev.tradefleet.connector.venue;

/**
 * The venue refused the request's timestamp as outside its receive window: a matter of clocks, saying nothing about
 * the key or the order. Still a refusal (the request was not executed).
 */
public class ClockRefusal extends VenueRejection {

    public ClockRefusal(String code, String message) {
        super(code, message);
    }
}
