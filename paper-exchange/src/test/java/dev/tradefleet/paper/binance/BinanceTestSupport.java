package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.SignedClient;

final class BinanceTestSupport {

    private BinanceTestSupport() {
    }

    /** The seller rests a limit order, the buyer takes it: one trade at {@code price}. */
    static void trade(SignedClient seller, SignedClient buyer, String symbol, String price, String quantity) {
        seller.limit(symbol, "SELL", price, quantity).then().statusCode(200);
        buyer.limit(symbol, "BUY", price, quantity).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("FILLED"));
    }
}
