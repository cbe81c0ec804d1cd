package dev.tradefleet.paper.matching;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tradefleet.paper.matching.Units.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchingEngineTest {

    static final String BTC = "BTCUSDT";
    static final SymbolSpec BTCUSDT = SymbolSpec.of(BTC, "BTC", "USDT", "0.01", "0.01", "1000000", "0.00001", "0.00001", "9000", "5");
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;

    private MatchingEngine engine;

    @BeforeEach
    void setUp() {
        engine = new MatchingEngine(1000, 1000, () -> 1_700_000_000_000L);
        engine.addSymbol(BTCUSDT);
        for (long account : new long[] {ALICE, BOB, CAROL}) {
            engine.deposit(account, "BTC", of("10"));
            engine.deposit(account, "USDT", of("1000000"));
        }
    }

    @AfterEach
    void everyInvariantHolds() {
        assertEquals(List.of(), engine.audit());
    }

    private MatchingEngine.Result limit(long account, Side side, String price, String qty) {
        return engine.place(NewOrder.limit(account, BTC, side, TimeInForce.GTC, of(price), of(qty)));
    }

    private Rejection rejected(NewOrder order) {
        return assertThrows(Rejection.class, () -> engine.place(order));
    }

    @Test
    void aLimitOrderRestsAndLocksWhatItMayPay() {
        MatchingEngine.Result r = limit(ALICE, Side.BUY, "60000", "0.5");
        assertEquals(OrderStatus.NEW, r.order().status());
        assertEquals(of("30000"), engine.locked(ALICE, "USDT"));
        assertEquals(of("970000"), engine.free(ALICE, "USDT"));
        assertEquals(List.of(new MatchingEngine.Level(of("60000"), of("0.5"))), engine.depth(BTC, 5).bids());
    }

    @Test
    void aCrossingOrderTradesAtTheMakersPriceAndBothPayTheirFee() {
        limit(BOB, Side.SELL, "60000", "0.5");
        MatchingEngine.Result r = limit(ALICE, Side.BUY, "61000", "0.2");

        assertEquals(OrderStatus.FILLED, r.order().status());
        Fill fill = r.fills().get(0);
        assertEquals(of("60000"), fill.price());
        assertEquals(of("12000"), fill.quoteQuantity());
        assertEquals(of("0.0002"), fill.buyerCommission(), "0.1% of the BTC the buyer receives");
        assertEquals(of("12"), fill.sellerCommission(), "0.1% of the USDT the seller receives");
        // Alice locked 12,200 at her limit, paid 12,000 at Bob's price: the rest is free again
        assertEquals(of("988000"), engine.free(ALICE, "USDT"));
        assertEquals(0, engine.locked(ALICE, "USDT"));
        assertEquals(of("10.1998"), engine.free(ALICE, "BTC"));
        assertEquals(of("1011988"), engine.free(BOB, "USDT"));
        assertEquals(of("0.3"), engine.locked(BOB, "BTC"));
        assertEquals(of("60000"), engine.lastPrice(BTC));
    }

    @Test
    void ordersAtOnePriceFillInArrivalOrder() {
        long first = limit(BOB, Side.SELL, "60000", "0.1").order().orderId();
        long second = limit(CAROL, Side.SELL, "60000", "0.1").order().orderId();
        long third = limit(BOB, Side.SELL, "60000", "0.1").order().orderId();
        MatchingEngine.Result r = limit(ALICE, Side.BUY, "60000", "0.15");
        assertEquals(List.of(first, second), r.fills().stream().map(Fill::makerOrderId).toList());
        assertEquals(of("0.05"), r.fills().get(1).quantity());
        MatchingEngine.Result next = limit(ALICE, Side.BUY, "60000", "0.1");
        assertEquals(List.of(second, third), next.fills().stream().map(Fill::makerOrderId).toList());
    }

    @Test
    void aBetterPriceComesFirstWhateverItsAge() {
        limit(BOB, Side.SELL, "60100", "0.1");
        long cheaper = limit(CAROL, Side.SELL, "60000", "0.1").order().orderId();
        assertEquals(cheaper, limit(ALICE, Side.BUY, "61000", "0.1").fills().get(0).makerOrderId());
    }

    @Test
    void iocTradesWhatItCanAndExpiresTheRest() {
        limit(BOB, Side.SELL, "60000", "0.1");
        MatchingEngine.Result r = engine.place(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.IOC, of("60000"), of("0.3")));
        assertEquals(OrderStatus.EXPIRED, r.order().status());
        assertEquals(of("0.1"), r.order().executedQty());
        assertEquals(List.of(), engine.depth(BTC, 5).bids());
        assertEquals(0, engine.locked(ALICE, "USDT"));
    }

    @Test
    void fokTradesAllOrNothing() {
        limit(BOB, Side.SELL, "60000", "0.1");
        MatchingEngine.Result none = engine.place(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.FOK, of("60000"), of("0.2")));
        assertEquals(OrderStatus.EXPIRED, none.order().status());
        assertTrue(none.fills().isEmpty());
        MatchingEngine.Result all = engine.place(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.FOK, of("60000"), of("0.1")));
        assertEquals(OrderStatus.FILLED, all.order().status());
    }

    @Test
    void marketOrdersSweepLevelsByQuantityOrByQuoteAmount() {
        limit(BOB, Side.SELL, "60000", "0.1");
        limit(BOB, Side.SELL, "60100", "0.1");
        MatchingEngine.Result byQty = engine.place(NewOrder.market(ALICE, BTC, Side.BUY, of("0.15")));
        assertEquals(OrderStatus.FILLED, byQty.order().status());
        assertEquals(of("9005"), byQty.order().cumulativeQuoteQty(), "0.1 at 60000 and 0.05 at 60100");

        MatchingEngine.Result byQuote = engine.place(NewOrder.marketForQuote(CAROL, BTC, Side.BUY, of("1000")));
        assertEquals(OrderStatus.FILLED, byQuote.order().status());
        assertEquals(of("0.01663"), byQuote.order().executedQty(), "as many whole steps as 1000 USDT buys at 60100");
        assertTrue(byQuote.order().cumulativeQuoteQty() <= of("1000"));
        assertEquals(0, engine.locked(CAROL, "USDT"));
    }

    @Test
    void aMarketOrderIntoAnEmptyBookExpires() {
        MatchingEngine.Result r = engine.place(NewOrder.market(ALICE, BTC, Side.SELL, of("0.1")));
        assertEquals(OrderStatus.EXPIRED, r.order().status());
        assertEquals(of("10"), engine.free(ALICE, "BTC"));
    }

    @Test
    void limitMakerIsRefusedWhenItWouldTake() {
        limit(BOB, Side.SELL, "60000", "0.1");
        Rejection r = rejected(new NewOrder(ALICE, BTC, Side.BUY, OrderType.LIMIT_MAKER, null, of("60000"), 0, of("0.1"), 0, null));
        assertEquals(-2010, r.code());
        assertEquals("Order would immediately match and take.", r.getMessage());
        MatchingEngine.Result rests = engine.place(new NewOrder(ALICE, BTC, Side.BUY, OrderType.LIMIT_MAKER, null, of("59999"), 0, of("0.1"), 0, null));
        assertEquals(OrderStatus.NEW, rests.order().status());
    }

    @Test
    void selfTradePreventionExpiresTheTaker() {
        long own = limit(ALICE, Side.SELL, "60000", "0.1").order().orderId();
        MatchingEngine.Result r = limit(ALICE, Side.BUY, "60000", "0.1");
        assertEquals(OrderStatus.EXPIRED_IN_MATCH, r.order().status());
        assertTrue(r.fills().isEmpty());
        assertEquals(OrderStatus.NEW, engine.order(ALICE, BTC, own, null).status());
    }

    @Test
    void filtersAreEnforcedWithBinancesCodes() {
        Rejection tick = rejected(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.GTC, of("60000.001"), of("0.1")));
        assertEquals(-1013, tick.code());
        assertEquals("Filter failure: PRICE_FILTER", tick.getMessage());
        assertEquals("Filter failure: LOT_SIZE",
                rejected(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.GTC, of("60000"), of("0.000015"))).getMessage());
        assertEquals("Filter failure: LOT_SIZE",
                rejected(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.GTC, of("60000"), of("9001"))).getMessage());
        assertEquals("Filter failure: NOTIONAL",
                rejected(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.GTC, of("100"), of("0.01"))).getMessage());
        Rejection poor = rejected(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.GTC, of("60000"), of("20")));
        assertEquals(-2010, poor.code());
        assertEquals("Account has insufficient balance for requested action.", poor.getMessage());
    }

    @Test
    void unknownOrdersAndDuplicates() {
        assertEquals(-2011, assertThrows(Rejection.class, () -> engine.cancel(ALICE, BTC, 999, null)).code());
        assertEquals(-2013, assertThrows(Rejection.class, () -> engine.order(ALICE, BTC, 999, null)).code());
        engine.place(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.GTC, of("50000"), of("0.1")).withClientOrderId("mine-1"));
        assertEquals("Duplicate order sent.", rejected(NewOrder.limit(ALICE, BTC, Side.BUY, TimeInForce.GTC, of("50000"),
                of("0.1")).withClientOrderId("mine-1")).getMessage());
        assertEquals(-1121, assertThrows(Rejection.class, () -> engine.depth("NOPE", 5)).code());
    }

    @Test
    void cancellingReleasesTheLockAndAnotherAccountCannotCancel() {
        long id = limit(ALICE, Side.BUY, "60000", "0.5").order().orderId();
        assertThrows(Rejection.class, () -> engine.cancel(BOB, BTC, id, null));
        assertEquals(OrderStatus.CANCELED, engine.cancel(ALICE, BTC, id, null).order().status());
        assertEquals(0, engine.locked(ALICE, "USDT"));
        assertEquals(of("1000000"), engine.free(ALICE, "USDT"));
    }

    @Test
    void stopLossTriggersOnTheLastTradePrice() {
        trade("60000");
        Rejection immediate = rejected(stop(ALICE, Side.SELL, OrderType.STOP_LOSS_LIMIT, "60500", "60400", "0.1"));
        assertEquals("Order would trigger immediately.", immediate.getMessage());
        long stopId = engine.place(stop(ALICE, Side.SELL, OrderType.STOP_LOSS_LIMIT, "59000", "58900", "0.1")).order().orderId();
        assertEquals(of("0.1"), engine.locked(ALICE, "BTC"));
        limit(BOB, Side.BUY, "58950", "0.1");
        trade("59000");
        OrderView stopped = engine.order(ALICE, BTC, stopId, null);
        assertEquals(OrderStatus.FILLED, stopped.status(), "triggered at 59000, sold to the 58950 bid");
        assertEquals(of("5895"), stopped.cumulativeQuoteQty());
        assertEquals(of("58950"), engine.lastPrice(BTC), "the stop's own trade is the last price now");
    }

    @Test
    void takeProfitTriggersWhenThePriceRises() {
        trade("60000");
        long tp = engine.place(stop(ALICE, Side.SELL, OrderType.TAKE_PROFIT_LIMIT, "62000", "62000", "0.1")).order().orderId();
        trade("61000");
        assertEquals(OrderStatus.NEW, engine.order(ALICE, BTC, tp, null).status());
        trade("62000");
        assertEquals(OrderStatus.NEW, engine.order(ALICE, BTC, tp, null).status(), "triggered, now resting at its limit");
        assertEquals(List.of(new MatchingEngine.Level(of("62000"), of("0.1"))), engine.depth(BTC, 5).asks());
    }

    @Test
    void aFilledOcoLimitCancelsTheStopLeg() {
        trade("60000");
        MatchingEngine.OcoResult oco = engine.placeOco(sellOco("0.1", "62000", "58000", "57900"));
        assertEquals(of("0.1"), engine.locked(ALICE, "BTC"), "one lock for both legs");
        limit(BOB, Side.BUY, "62000", "0.1");
        for (OrderView leg : oco.orders()) {
            OrderView now = engine.order(ALICE, BTC, leg.orderId(), null);
            assertEquals(leg.type() == OrderType.LIMIT_MAKER ? OrderStatus.FILLED : OrderStatus.CANCELED, now.status());
        }
        assertEquals(0, engine.locked(ALICE, "BTC"));
    }

    @Test
    void aTriggeredOcoStopCancelsTheLimitLegAndTakesTheLock() {
        trade("60000");
        MatchingEngine.OcoResult oco = engine.placeOco(sellOco("0.1", "62000", "58000", "57900"));
        trade("58000");
        OrderView limitLeg = oco.orders().stream().filter(o -> o.type() == OrderType.LIMIT_MAKER).findFirst().orElseThrow();
        assertEquals(OrderStatus.CANCELED, engine.order(ALICE, BTC, limitLeg.orderId(), null).status());
        assertEquals(of("0.1"), engine.locked(ALICE, "BTC"), "the stop, now resting at 57900, holds the lock");
        assertEquals(List.of(new MatchingEngine.Level(of("57900"), of("0.1"))), engine.depth(BTC, 5).asks());
    }

    @Test
    void cancellingOneOcoLegCancelsTheList() {
        trade("60000");
        MatchingEngine.OcoResult oco = engine.placeOco(sellOco("0.1", "62000", "58000", "57900"));
        engine.cancel(ALICE, BTC, oco.orders().get(0).orderId(), null);
        for (OrderView leg : oco.orders()) {
            assertEquals(OrderStatus.CANCELED, engine.order(ALICE, BTC, leg.orderId(), null).status());
        }
        assertEquals(0, engine.locked(ALICE, "BTC"));
    }

    @Test
    void ocoPricesMustStraddleTheLastPrice() {
        trade("60000");
        Rejection wrong = assertThrows(Rejection.class, () -> engine.placeOco(sellOco("0.1", "59000", "58000", "57900")));
        assertEquals("The relationship of the prices for the orders is not correct.", wrong.getMessage());
    }

    @Test
    void orderListsAndHistoryCanBeQueried() {
        trade("60000");
        MatchingEngine.OcoResult oco = engine.placeOco(sellOco("0.1", "62000", "58000", "57900"));
        MatchingEngine.ListView list = engine.orderList(ALICE, oco.orderListId(), null);
        assertEquals(2, list.orders().size());
        assertEquals(List.of(list), engine.openOrderLists(ALICE));
        assertEquals(-2013, assertThrows(Rejection.class, () -> engine.orderList(BOB, oco.orderListId(), null)).code());
        assertTrue(engine.cancelOrderList(ALICE, BTC, oco.orderListId()).done());
        assertEquals(List.of(), engine.openOrderLists(ALICE));
        assertEquals(2, engine.orders(ALICE, BTC, 0, 10).size());
        long newest = Math.max(oco.orders().get(0).orderId(), oco.orders().get(1).orderId());
        assertEquals(1, engine.orders(ALICE, BTC, newest, 10).size());
    }

    private NewOco sellOco(String qty, String limitPrice, String stopPrice, String stopLimit) {
        return new NewOco(ALICE, BTC, Side.SELL, of(qty),
                new NewOco.Leg(OrderType.LIMIT_MAKER, of(limitPrice), 0, null, null),
                new NewOco.Leg(OrderType.STOP_LOSS_LIMIT, of(stopLimit), of(stopPrice), TimeInForce.GTC, null), null);
    }

    private static NewOrder stop(long account, Side side, OrderType type, String stopPrice, String price, String qty) {
        return new NewOrder(account, BTC, side, type, TimeInForce.GTC, of(price), of(stopPrice), of(qty), 0, null);
    }

    /** Bob and Carol trade 0.001 at {@code price}, which becomes the last price (until a triggered stop trades). */
    private void trade(String price) {
        limit(BOB, Side.SELL, price, "0.001");
        assertEquals(of(price), limit(CAROL, Side.BUY, price, "0.001").fills().get(0).price());
    }

    @Test
    void aWithdrawalLeavesTheFreeBalanceWithItsFeeOrNothingLeavesAtAll() {
        limit(ALICE, Side.SELL, "60000", "4");
        engine.withdraw(ALICE, "BTC", of("5.9998"), of("0.0002"));
        assertEquals(0, engine.free(ALICE, "BTC"), "what orders lock cannot be withdrawn, the rest can");
        assertEquals(of("4"), engine.locked(ALICE, "BTC"));
        Rejection short_ = assertThrows(Rejection.class, () -> engine.withdraw(BOB, "BTC", of("10"), of("0.0002")));
        assertEquals(Rejection.INSUFFICIENT_BALANCE, short_.code());
        assertEquals(of("10"), engine.free(BOB, "BTC"), "refused whole: nothing debited");
        assertThrows(IllegalArgumentException.class, () -> engine.withdraw(BOB, "BTC", 0, 0));
        // the audit after each test: what left is no longer deposited, the fee is the venue's
    }
}
