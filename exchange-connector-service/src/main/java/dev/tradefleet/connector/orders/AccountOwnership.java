package dev.tradefleet.connector.orders;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Which venue accounts this instance acts on: those whose intents it consumes. Intents are keyed by credential id,
 * so an account lives in one partition of the intents topic, and Kafka gives each partition to one instance of
 * the group at a time: the account's lane, user stream, reconciliation and tickers run there and nowhere else.
 * The partition of a key is computed as Kafka's default partitioner does for keyed records (murmur2), which every
 * producer of intents uses.
 */
public final class AccountOwnership {

    private final String topic;
    private final IntSupplier partitionCount;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile int partitions;

    /** @param partitionCount the topic's number of partitions, asked once when first needed */
    public AccountOwnership(String topic, IntSupplier partitionCount) {
        this.topic = topic;
        this.partitionCount = partitionCount;
    }

    public void assigned(Collection<TopicPartition> partitions) {
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(p -> owned.add(p.partition()));
    }

    public void revoked(Collection<TopicPartition> partitions) {
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(p -> owned.remove(p.partition()));
    }

    public boolean owns(UUID account) {
        return !owned.isEmpty() && owned.contains(partitionOf(account.toString(), count()));
    }

    private int count() {
        int known = partitions;
        if (known == 0) {
            known = partitionCount.getAsInt();
            partitions = known;
        }
        return known;
    }

    /** Kafka's partition for a record key (its default partitioner's rule for keyed records). */
    static int partitionOf(String key, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }
}
