package dev.tradefleet.connector.venue;

/**
 * The venue has no order under the client order id asked for. After the request's receive window has passed
 * this is definite: a placement sent earlier can no longer be executed.
 */
public class OrderNotFound extends VenueRejection {

    public OrderNotFound(String code, String message) {
        super(code, message);
    }
}
