package dev.tradefleet.contracts.trading;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.MalformedEventException;

import java.net.URI;
import java.util.Map;

/** Reads and writes intents as CloudEvents: the event type says which intent the payload is. */
public final class TradingIntents {

    private static final Map<String, Class<? extends TradingIntent>> BY_TYPE = Map.of(
            PlaceOrder.TYPE, PlaceOrder.class,
            CancelOrder.TYPE, CancelOrder.class,
            CancelAll.TYPE, CancelAll.class,
            PlaceOco.TYPE, PlaceOco.class);

    private TradingIntents() {
    }

    /** The intent as an event from {@code source}, its subject the credential (the topic's key). */
    public static EventEnvelope toEvent(URI source, TradingIntent intent) {
        return EventEnvelope.create(source, intent.eventType(), intent.credentialId().toString(), EventCodec.toData(intent));
    }

    /** The intent an event carries; a type we do not know, or a payload that does not hold, is malformed. */
    public static TradingIntent read(EventEnvelope event) {
        Class<? extends TradingIntent> type = BY_TYPE.get(event.type());
        if (type == null) {
            throw new MalformedEventException("event " + event.id() + " is not a trading intent: " + event.type());
        }
        return EventCodec.payload(event, type);
    }
}
