package dev.tradefleet.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    record Fill(String orderId, BigDecimal price, BigDecimal quantity, Instant at) {
    }

    private static final URI SOURCE = URI.create("/exchange-connector-service");

    @Test
    void roundTripKeepsEveryAttributeAndThePayloadExactly() {
        Fill fill = new Fill("o-1", new BigDecimal("64123.10000000"), new BigDecimal("0.00012345"),
                Instant.parse("2026-11-21T10:15:30.123456Z"));
        EventEnvelope event = EventEnvelope.create(SOURCE, "trading.fill", "acct-1", EventCodec.toData(fill));

        EventEnvelope decoded = EventCodec.decode(EventCodec.encode(event));

        assertEquals(event, decoded);
        Fill back = EventCodec.payload(decoded, Fill.class);
        assertEquals(fill, back);
        // scale is part of the value for money: 64123.10000000 must not come back as 64123.1
        assertEquals(8, back.price().scale());
    }

    @Test
    void decimalsAreWrittenAsJsonStrings() {
        JsonNode data = EventCodec.toData(new Fill("o-1", new BigDecimal("0.1"), new BigDecimal("3"), Instant.EPOCH));
        assertTrue(data.get("price").isTextual());
        assertEquals("0.1", data.get("price").asText());

        String json = new String(EventCodec.encode(EventEnvelope.create(SOURCE, "t", null, data)), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"price\":\"0.1\""), json);
        assertTrue(json.contains("\"specversion\":\"1.0\""), json);
    }

    @Test
    void decimalsSentAsJsonNumbersAreReadExactly() {
        String json = """
                {"specversion":"1.0","id":"e1","source":"/x","type":"t","time":"2026-01-01T00:00:00Z",
                 "data":{"orderId":"o","price":0.1,"quantity":1e-8,"at":"2026-01-01T00:00:00Z"}}""";
        Fill fill = EventCodec.payload(EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)), Fill.class);
        assertEquals(new BigDecimal("0.1"), fill.price());
        assertEquals(0, new BigDecimal("0.00000001").compareTo(fill.quantity()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{\"specversion\":\"0.3\",\"id\":\"e\",\"source\":\"/x\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/x\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/x\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/x\",\"type\":\"t\",\"time\":\"yesterday\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/x\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\"}",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"a b\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/x\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\",\"datacontenttype\":\"text/xml\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":7,\"source\":\"/x\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{}}"
    })
    void malformedEventsAreRefused(String json) {
        assertThrows(MalformedEventException.class, () -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPayloadOfTheWrongShapeIsRefused() {
        String json = """
                {"specversion":"1.0","id":"e1","source":"/x","type":"t","time":"2026-01-01T00:00:00Z",
                 "data":{"orderId":"o","price":"not-a-number"}}""";
        EventEnvelope event = EventCodec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThrows(MalformedEventException.class, () -> EventCodec.payload(event, Fill.class));
    }

    @Test
    void everyTopicEndsInItsMajorVersionAndHasADeadLetterTopic() {
        for (String topic : Topics.ALL) {
            assertTrue(topic.matches("[a-z]+\\.[a-z-]+\\.v\\d+"), topic);
        }
        assertEquals("trading.fills.v1.dlq", Topics.deadLetterOf(Topics.TRADING_FILLS));
        assertEquals(Topics.ALL.size() * 2, Topics.allWithDeadLetters().size());
    }
}
