package dev.tradefleet.messaging.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Publishes outbox events as CloudEvents in structured mode: the record value is the whole event. */
public final class KafkaEventPublisher implements EventPublisher {

    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8";
    public static final String EVENT_ID_HEADER = "ce_id";

    private final Producer<String, byte[]> producer;

    public KafkaEventPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public CompletionStage<Void> publish(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CONTENT_TYPE_HEADER, CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_ID_HEADER, event.eventId().getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(event.topic(), null, event.key(), event.payload(), headers), (metadata, error) -> {
                if (error != null) {
                    ack.completeExceptionally(error);
                } else {
                    ack.complete(null);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
