package dev.tradefleet.connector.limits;

/**
 * A call waiting for capacity.
 *
 * @param account the venue account (credential) it acts for; null for public market data
 * @param weight  the venue's request weight for the call
 * @param use     what it is for: placing an order counts against order limits, a wallet call against wallet limits
 */
public record VenueRequest(Priority priority, String account, long weight, Use use) {

    public enum Use { ORDER, WALLET, OTHER }

    public static VenueRequest cancel(String account, long weight) {
        return new VenueRequest(Priority.CANCEL, account, weight, Use.OTHER);
    }

    public static VenueRequest place(String account, long weight) {
        return new VenueRequest(Priority.PLACE, account, weight, Use.ORDER);
    }

    /** Moving funds (a withdrawal): as urgent as a placement, counted as a wallet call. */
    public static VenueRequest transfer(String account, long weight) {
        return new VenueRequest(Priority.PLACE, account, weight, Use.WALLET);
    }

    /** Reading the wallet (networks, addresses, histories): an account read, counted as a wallet call. */
    public static VenueRequest walletRead(String account, long weight) {
        return new VenueRequest(Priority.ACCOUNT_READ, account, weight, Use.WALLET);
    }

    public static VenueRequest accountRead(String account, long weight) {
        return new VenueRequest(Priority.ACCOUNT_READ, account, weight, Use.OTHER);
    }

    public static VenueRequest marketData(long weight) {
        return new VenueRequest(Priority.MARKET_DATA, null, weight, Use.OTHER);
    }

    public boolean placesOrder() {
        return use == Use.ORDER;
    }
}
