package dev.tradefleet.paper.matching;

/**
 * One trade between a taker and a resting maker. Each side pays its commission in the asset it receives
 * (the buyer in base, the seller in quote), rounded down.
 */
public record Fill(long tradeId, String symbol, long price, long quantity, long quoteQuantity, long takerOrderId,
                   long makerOrderId, long buyerAccount, long sellerAccount, boolean buyerIsMaker, long buyerCommission,
                   long sellerCommission, long time) {

    /** The order of {@code account}'s side of this trade (the buyer's when an account trades with itself). */
    public long orderIdOf(long account) {
        boolean buyer = buyerAccount == account;
        return buyer == !buyerIsMaker ? takerOrderId : makerOrderId;
    }
}
