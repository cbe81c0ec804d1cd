package dev.tradefleet.connector.limits;

/**
 * A call waiting for capacity.
 *
 * @param account     the venue account (credential) it acts for; null for public market data
 * @param weight      the venue's request weight for the call
 * @param placesOrder whether it counts against order limits
 */
public record VenueRequest(Priority priority, String account, long weight, boolean placesOrder) {

    public static VenueRequest cancel(String account, long weight) {
        return new VenueRequest(Priority.CANCEL, account, weight, false);
    }

    public static VenueRequest place(String account, long weight) {
        return new VenueRequest(Priority.PLACE, account, weight, true);
    }

    /** Moving funds (a withdrawal): as urgent as a placement, but no order. */
    public static VenueRequest transfer(String account, long weight) {
        return new VenueRequest(Priority.PLACE, account, weight, false);
    }

    public static VenueRequest accountRead(String account, long weight) {
        return new VenueRequest(Priority.ACCOUNT_READ, account, weight, false);
    }

    public static VenueRequest marketData(long weight) {
        return new VenueRequest(Priority.MARKET_DATA, null, weight, false);
    }
}
