package dev.tradefleet.contracts;

import dev.tradefleet.contracts.trading.CancelAll;
import dev.tradefleet.contracts.trading.CancelOrder;
import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.contracts.trading.PlaceOco;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TimeInForce;
import dev.tradefleet.contracts.trading.TradingIntent;
import dev.tradefleet.contracts.trading.TradingIntents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradingContractsTest {

    private static final URI SOURCE = URI.create("/order-service");
    private final UUID credential = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();

    private PlaceOrder limitBuy() {
        return new PlaceOrder(UUID.randomUUID(), credential, user, "order-service", "BTCUSDT", OrderSide.BUY, OrderKind.LIMIT,
                null, new BigDecimal("0.00100000"), null, new BigDecimal("60000.10"), null);
    }

    @Test
    void everyIntentTravelsAsACloudEventKeyedByItsCredentialWithExactDecimals() {
        List<TradingIntent> intents = List.of(limitBuy(),
                new PlaceOrder(UUID.randomUUID(), credential, user, "market-making", "ETHUSDT", OrderSide.BUY, OrderKind.MARKET,
                        null, null, new BigDecimal("250.5"), null, null),
                new CancelOrder(UUID.randomUUID(), credential, user, "order-service", "BTCUSDT", UUID.randomUUID()),
                new CancelAll(UUID.randomUUID(), credential, user, "market-making", "BTCUSDT"),
                new PlaceOco(UUID.randomUUID(), credential, user, "order-service", "BTCUSDT", OrderSide.SELL,
                        new BigDecimal("0.5"), new BigDecimal("65000"), new BigDecimal("58000"), new BigDecimal("57900")));
        for (TradingIntent intent : intents) {
            byte[] wire = EventCodec.encode(TradingIntents.toEvent(SOURCE, intent));
            EventEnvelope event = EventCodec.decode(wire);
            assertEquals(credential.toString(), event.subject());
            assertEquals(intent, TradingIntents.read(event));
        }
        String json = new String(EventCodec.encode(TradingIntents.toEvent(SOURCE, limitBuy())), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"price\":\"60000.10\"") && json.contains("\"quantity\":\"0.00100000\""), json);
        assertEquals(TimeInForce.GTC, limitBuy().timeInForce(), "a limit order rests unless told otherwise");
    }

    @Test
    void malformedIntentsAreMalformedEvents() {
        String bad = "{\"intentId\":\"" + UUID.randomUUID() + "\",\"credentialId\":\"" + credential + "\",\"userId\":\"" + user
                + "\",\"requestedBy\":\"order-service\",\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"kind\":\"LIMIT\","
                + "\"quantity\":\"-1\",\"price\":\"1\"}";
        EventEnvelope event = EventEnvelope.create(SOURCE, PlaceOrder.TYPE, credential.toString(),
                EventCodec.mapper().valueToTree(readTree(bad)));
        assertThrows(MalformedEventException.class, () -> TradingIntents.read(event));
        EventEnvelope unknown = EventEnvelope.create(SOURCE, "trading.intent.teleport", credential.toString(),
                EventCodec.toData(limitBuy()));
        assertThrows(MalformedEventException.class, () -> TradingIntents.read(unknown));
    }

    @Test
    void theRulesOfAnOrderHold() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> new PlaceOrder(id, credential, user, "order-service", "BTCUSDT",
                OrderSide.BUY, OrderKind.LIMIT, null, BigDecimal.ONE, null, null, null), "a limit order needs a price");
        assertThrows(IllegalArgumentException.class, () -> new PlaceOrder(id, credential, user, "order-service", "BTCUSDT",
                OrderSide.BUY, OrderKind.LIMIT, null, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, null), "not both amounts");
        assertThrows(IllegalArgumentException.class, () -> new PlaceOrder(id, credential, user, "order-service", "BTCUSDT",
                OrderSide.BUY, OrderKind.LIMIT, null, null, BigDecimal.TEN, BigDecimal.ONE, null), "quote amounts for MARKET only");
        assertThrows(IllegalArgumentException.class, () -> new PlaceOrder(id, credential, user, "order-service", "BTCUSDT",
                OrderSide.SELL, OrderKind.STOP_LIMIT, null, BigDecimal.ONE, null, BigDecimal.ONE, null), "a stop needs its stop price");
        assertThrows(IllegalArgumentException.class, () -> new PlaceOrder(id, credential, user, "order-service", "BTC USDT",
                OrderSide.SELL, OrderKind.MARKET, null, BigDecimal.ONE, null, null, null), "symbols are plain");
        assertThrows(IllegalArgumentException.class, () -> new PlaceOco(id, credential, user, "order-service", "BTCUSDT",
                OrderSide.SELL, BigDecimal.ONE, new BigDecimal("50000"), new BigDecimal("58000"), new BigDecimal("57900")),
                "a SELL OCO's profit leg is above its stop");
    }

    @Test
    void updatesAndFillsRoundTrip() {
        OrderUpdate rejected = new OrderUpdate(UUID.randomUUID(), credential, user, "binance", "BTCUSDT", "tf-abc", null,
                OrderStatus.REJECTED, "-2010", "Account has insufficient balance for requested action.", null, null, Instant.now());
        EventEnvelope event = EventEnvelope.create(URI.create("/exchange-connector"), OrderUpdate.TYPE, credential.toString(),
                EventCodec.toData(rejected));
        assertEquals(rejected, EventCodec.payload(EventCodec.decode(EventCodec.encode(event)), OrderUpdate.class));
        assertEquals(BigDecimal.ZERO, rejected.executedQuantity());
        assertThrows(IllegalArgumentException.class, () -> new OrderUpdate(UUID.randomUUID(), credential, user, "binance",
                "BTCUSDT", "tf-abc", null, OrderStatus.REJECTED, null, null, null, null, Instant.now()), "a rejection says why");

        Fill fill = new Fill(UUID.randomUUID(), credential, user, "binance", "BTCUSDT", "tf-abc", "879", "40", OrderSide.BUY,
                new BigDecimal("60131.56"), new BigDecimal("0.00166"), new BigDecimal("99.8183896"), new BigDecimal("0.00000166"),
                "BTC", false, Instant.now());
        EventEnvelope filled = EventEnvelope.create(URI.create("/exchange-connector"), Fill.TYPE, credential.toString(),
                EventCodec.toData(fill));
        assertEquals(fill, EventCodec.payload(EventCodec.decode(EventCodec.encode(filled)), Fill.class));
        Fill rebated = new Fill(UUID.randomUUID(), credential, user, "bitget", "BTCUSDT", "tf-abc", "880", "41", OrderSide.SELL,
                new BigDecimal("60131.56"), new BigDecimal("0.00166"), new BigDecimal("99.8183896"), new BigDecimal("-0.00998"),
                "USDT", true, Instant.now());
        assertEquals(new BigDecimal("-0.00998"), rebated.fee(), "a maker rebate is a negative fee");
        assertThrows(IllegalArgumentException.class, () -> new Fill(UUID.randomUUID(), credential, user, "bitget", "BTCUSDT", "tf-abc", "880", "41",
                OrderSide.SELL, new BigDecimal("60131.56"), new BigDecimal("0.00166"), new BigDecimal("99.8183896"), null, "USDT", true,
                Instant.now()), "a fill always says its fee");
    }

    private static Object readTree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOcoLegsIdsAreDerivedFromItsIntentIdDistinctAndStable() {
        UUID id = UUID.fromString("6f1c0b1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f");
        PlaceOco oco = new PlaceOco(id, UUID.randomUUID(), UUID.randomUUID(), "order-service", "BTCUSDT", OrderSide.SELL,
                new BigDecimal("1"), new BigDecimal("70000"), new BigDecimal("55000"), new BigDecimal("54900"));
        PlaceOco again = new PlaceOco(id, UUID.randomUUID(), UUID.randomUUID(), "market-making", "ETHUSDT", OrderSide.BUY,
                new BigDecimal("2"), new BigDecimal("1000"), new BigDecimal("2000"), new BigDecimal("2010"));
        assertEquals(oco.takeProfitLegId(), again.takeProfitLegId(), "the intent id alone decides");
        assertEquals(oco.stopLossLegId(), again.stopLossLegId());
        assertNotEquals(oco.takeProfitLegId(), oco.stopLossLegId());
        assertNotEquals(id, oco.takeProfitLegId());
        assertEquals(3, oco.takeProfitLegId().version(), "a name-based UUID: anyone can derive it");
    }
}
