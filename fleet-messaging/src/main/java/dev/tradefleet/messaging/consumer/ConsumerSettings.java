package dev.tradefleet.messaging.consumer;

import dev.tradefleet.messaging.Backoff;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one consumer runs.
 *
 * @param name             the consumer group and the name its receipts are recorded under
 * @param maxAttempts      tries of an event that fails for a reason of its own before it is dead-lettered
 * @param applyTimeout     how long the effects of one transaction may take: longer, they are stopped, rolled back and
 *                         tried again, as after an outage
 * @param receiptRetention how long receipts are kept: longer than any redelivery window (topic retention)
 */
public record ConsumerSettings(String name, List<String> topics, int maxAttempts, Backoff backoff,
                               Duration pollTimeout, Duration applyTimeout, int maxPollRecords,
                               Duration receiptRetention, Duration pruneInterval) {

    public ConsumerSettings {
        Objects.requireNonNull(name, "name");
        if (topics == null || topics.isEmpty()) {
            throw new IllegalArgumentException("consumer " + name + " names no topic");
        }
        topics = List.copyOf(topics);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (receiptRetention.compareTo(REDELIVERY_WINDOW) <= 0) {
            throw new IllegalArgumentException("consumer " + name + ": receipts must be kept longer than a record can be"
                    + " redelivered (the topics' retention, " + REDELIVERY_WINDOW.toDays() + " days), not " + receiptRetention);
        }
    }

    /** Kafka's default topic retention: a record older than this cannot come again unless a topic keeps it longer. */
    public static final Duration REDELIVERY_WINDOW = Duration.ofDays(7);

    public static ConsumerSettings defaults(String name, List<String> topics) {
        return new ConsumerSettings(name, topics, 5, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)),
                Duration.ofMillis(500), Duration.ofSeconds(30), 200, Duration.ofDays(30), Duration.ofHours(1));
    }

    public ConsumerSettings withMaxAttempts(int attempts) {
        return new ConsumerSettings(name, topics, attempts, backoff, pollTimeout, applyTimeout,
                maxPollRecords, receiptRetention, pruneInterval);
    }

    public ConsumerSettings withMaxPollRecords(int records) {
        return new ConsumerSettings(name, topics, maxAttempts, backoff, pollTimeout, applyTimeout,
                records, receiptRetention, pruneInterval);
    }

    public ConsumerSettings withReceiptRetention(Duration retention) {
        return new ConsumerSettings(name, topics, maxAttempts, backoff, pollTimeout, applyTimeout,
                maxPollRecords, retention, pruneInterval);
    }
}
