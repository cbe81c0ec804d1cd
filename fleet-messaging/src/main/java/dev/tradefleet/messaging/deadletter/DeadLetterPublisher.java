package dev.tradefleet.messaging.deadletter;

import dev.tradefleet.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Parks a message that a consumer cannot parse or apply on {@code <topic>.dlq}, unchanged, with why and
 * where it came from in headers, so that the partition moves on and an operator can replay it later.
 */
public final class DeadLetterPublisher {

    public static final String REASON = "dlq-reason";
    public static final String CONSUMER = "dlq-consumer";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    private static final int MAX_REASON_LENGTH = 1000;

    private final Producer<String, byte[]> producer;
    private final String consumer;

    public DeadLetterPublisher(Producer<String, byte[]> producer, String consumer) {
        this.producer = producer;
        this.consumer = consumer;
    }

    /** Completes when the broker has the dead letter, so the caller may then commit the original offset. */
    public CompletableFuture<Void> send(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        String shortReason = reason == null ? "unknown" : reason.substring(0, Math.min(reason.length(), MAX_REASON_LENGTH));
        headers.add(REASON, bytes(shortReason));
        headers.add(CONSUMER, bytes(consumer));
        headers.add(ORIGINAL_TOPIC, bytes(record.topic()));
        headers.add(ORIGINAL_PARTITION, bytes(String.valueOf(record.partition())));
        headers.add(ORIGINAL_OFFSET, bytes(String.valueOf(record.offset())));
        CompletableFuture<Void> ack = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null, record.key(), record.value(), headers),
                (metadata, error) -> {
                    if (error != null) {
                        ack.completeExceptionally(error);
                    } else {
                        ack.complete(null);
                    }
                });
        return ack;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
