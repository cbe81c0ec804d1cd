package dev.tradefleet.orders.placing;

import dev.tradefleet.contracts.trading.OrderSide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrderSizingTest {

    private static final SymbolRules BTCUSDT = new SymbolRules("BTCUSDT", "BTC", "USDT", "TRADING", new BigDecimal("0.01"),
            new BigDecimal("0.01"), new BigDecimal("1000000"), new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("9000"),
            new BigDecimal("5"));
    private static final SymbolRules ETHBTC = new SymbolRules("ETHBTC", "ETH", "BTC", "TRADING", new BigDecimal("0.00001"),
            new BigDecimal("0.00001"), new BigDecimal("100"), new BigDecimal("0.0001"), new BigDecimal("0.0001"), new BigDecimal("100000"),
            new BigDecimal("0.0001"));
    private static final Map<String, BigDecimal> RICH = Map.of("USDT", new BigDecimal("100000"), "BTC", new BigDecimal("10"));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aQuantityRoundsDownToTheVenuesStepNeverUp() {
        OrderSizing.Sized sized = OrderSizing.size(BTCUSDT, OrderSide.BUY, d("60000.00"), new OrderSize.Quantity(d("0.0012349")), d("60000"),
                RICH, BigDecimal.ZERO);
        assertEquals(d("0.00123"), sized.quantity());
        assertEquals(d("60000.00"), sized.price());
        assertEquals(0, d("73.8").compareTo(sized.value()));
        assertEquals(d("0.00120"), OrderSizing.roundDownToStep(d("0.0012"), d("0.00001000")), "to the step's own decimals");
        assertEquals(d("7"), OrderSizing.roundDownToStep(d("7.9"), d("1")));
        assertEquals(d("7.9"), OrderSizing.roundDownToStep(d("7.9"), BigDecimal.ZERO), "no step set: as asked");
    }

    @Test
    void aValueInDollarsBuysWhatItPaysForAtTheLastPriceForAMarketOrder() {
        OrderSizing.Sized sized = OrderSizing.size(BTCUSDT, OrderSide.BUY, null, new OrderSize.QuoteValue(d("50")), d("61234.56"), RICH,
                BigDecimal.ZERO);
        // 50 / 61234.56 = 0.000816532… → 0.00081 (0.00082 would cost 50.21)
        assertEquals(d("0.00081"), sized.quantity());
        assertEquals(null, sized.price());
        SizingRefused notDollars = assertThrows(SizingRefused.class, () -> OrderSizing.size(ETHBTC, OrderSide.BUY, null,
                new OrderSize.QuoteValue(d("50")), d("0.05"), RICH, BigDecimal.ZERO));
        assertEquals("sizeUsd", notDollars.field());
        assertEquals("ETHBTC is quoted in BTC, not in US dollars: give quantity or sizePct instead", notDollars.getMessage());
    }

    @Test
    void aShareOfTheAccountIsOfEverythingItHoldsValuedInTheQuoteAsset() {
        Map<String, BigDecimal> holdings = Map.of("USDT", d("1000"), "BTC", d("0.5"), "ETH", d("2"), "DUST", d("99"));
        Map<String, BigDecimal> prices = Map.of("BTC", d("60000"), "ETH", d("3000"));
        BigDecimal value = AccountValue.in("USDT", holdings, prices);
        assertEquals(0, d("37000").compareTo(value), "1000 + 0.5 × 60000 + 2 × 3000; DUST has no market and adds nothing");

        OrderSizing.Sized tenth = OrderSizing.size(BTCUSDT, OrderSide.BUY, null, new OrderSize.PortfolioShare(d("0.1")), d("60000"),
                Map.of("USDT", d("5000")), value);
        // 3700 USDT at 60000 = 0.0616666… BTC → 0.06166
        assertEquals(d("0.06166"), tenth.quantity());
    }

    @Test
    void anOrderBelowTheVenuesMinimumValueSaysByHowMuchInTheQuoteAsset() {
        SizingRefused small = assertThrows(SizingRefused.class, () -> OrderSizing.size(BTCUSDT, OrderSide.BUY, d("39300.00"),
                new OrderSize.Quantity(d("0.0001")), d("39300"), RICH, BigDecimal.ZERO));
        assertEquals("Order value 3.93 USDT is below the minimum 5 USDT", small.getMessage());
        assertEquals("quantity", small.field());

        SizingRefused fine = assertThrows(SizingRefused.class, () -> OrderSizing.size(ETHBTC, OrderSide.SELL, d("0.05"),
                new OrderSize.Quantity(d("0.00199")), d("0.05"), Map.of("ETH", d("1")), BigDecimal.ZERO));
        assertEquals("Order value 0.000095 BTC is below the minimum 0.0001 BTC", fine.getMessage(),
                "0.00199 ETH rounds down to 0.0019 (× 0.05 = 0.000095), shown finer than the minimum, never rounded up");
    }

    @Test
    void pricesOffTheTickOrOutOfBoundsAndQuantitiesBelowTheStepAreRefusedNotRounded() {
        assertEquals("Price 60000.005 is not a multiple of the tick size 0.01 of BTCUSDT", assertThrows(SizingRefused.class,
                () -> OrderSizing.size(BTCUSDT, OrderSide.BUY, d("60000.005"), new OrderSize.Quantity(d("0.001")), d("60000"), RICH,
                        BigDecimal.ZERO)).getMessage());
        assertEquals("Price 2000000 is above the greatest price 1000000 of BTCUSDT", assertThrows(SizingRefused.class,
                () -> OrderSizing.size(BTCUSDT, OrderSide.BUY, d("2000000"), new OrderSize.Quantity(d("0.001")), d("60000"), RICH,
                        BigDecimal.ZERO)).getMessage());
        assertEquals("Quantity 0.000004 BTC is below the least quantity 0.00001 BTC of BTCUSDT", assertThrows(SizingRefused.class,
                () -> OrderSizing.size(BTCUSDT, OrderSide.SELL, null, new OrderSize.Quantity(d("0.000004")), d("60000"), RICH,
                        BigDecimal.ZERO)).getMessage());
    }

    @Test
    void anOrderBeyondTheFreeBalanceIsRefusedWithWhatItNeedsAndWhatIsFree() {
        SizingRefused buy = assertThrows(SizingRefused.class, () -> OrderSizing.size(BTCUSDT, OrderSide.BUY, d("60000.00"),
                new OrderSize.Quantity(d("0.01")), d("60000"), Map.of("USDT", d("500")), BigDecimal.ZERO));
        assertEquals("Insufficient balance: the order needs 600 USDT and 500 USDT is free", buy.getMessage());
        SizingRefused sell = assertThrows(SizingRefused.class, () -> OrderSizing.size(BTCUSDT, OrderSide.SELL, null,
                new OrderSize.Quantity(d("0.01")), d("60000"), Map.of("USDT", d("500")), BigDecimal.ZERO));
        assertEquals("Insufficient balance: the order needs 0.01 BTC and 0 BTC is free", sell.getMessage());
    }

    @Test
    void boundsAVenueLeavesOutAreNoBounds() {
        SymbolRules gateio = new SymbolRules("BTC_USDT", "BTC", "USDT", "TRADING", new BigDecimal("0.1"), null, null, new BigDecimal("0.00001"),
                null, null, null);
        OrderSizing.Sized sized = OrderSizing.size(gateio, OrderSide.BUY, d("60000.1"), new OrderSize.Quantity(d("0.001")), d("60000"), RICH,
                BigDecimal.ZERO);
        assertEquals(d("0.00100"), sized.quantity());
    }
}
