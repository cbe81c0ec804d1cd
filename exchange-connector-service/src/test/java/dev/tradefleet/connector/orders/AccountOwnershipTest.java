package dev.tradefleet.connector.orders;

import dev.tradefleet.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two connector instances in one consumer group: every account is owned by exactly one of them, and it is the
 * one that consumes the account's intents (the partition Kafka's producer chose for the key).
 */
class AccountOwnershipTest {

    private static final String TOPIC = "test.ownership-" + UUID.randomUUID() + ".v1";

    /** One instance: a consumer of the group polling on a thread of its own, telling its ownership. */
    private static final class Instance implements AutoCloseable {
        final AccountOwnership ownership = new AccountOwnership(TOPIC, () -> 3);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Instance(String group) {
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new ByteArrayDeserializer());
            thread = new Thread(() -> {
                consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        ownership.revoked(partitions);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        ownership.assigned(partitions);
                    }
                });
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.close();
            });
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    @Test
    void everyAccountIsOwnedByExactlyOneInstanceTheOneThatConsumesItsIntents() throws Exception {
        TestInfrastructure.kafka().createTopics(List.of(TOPIC), 3);
        String group = TestInfrastructure.newGroup("connector-owners");
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            accounts.add(UUID.randomUUID());
        }
        try (Instance first = new Instance(group)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> accounts.stream().allMatch(first.ownership::owns));
            try (Instance second = new Instance(group);
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                         new StringSerializer(), new ByteArraySerializer())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> accounts.stream().anyMatch(second.ownership::owns)
                        && accounts.stream().allMatch(a -> first.ownership.owns(a) ^ second.ownership.owns(a)));
                for (UUID account : accounts.subList(0, 30)) {
                    RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, account.toString(), new byte[0])).get();
                    assertEquals(sent.partition(), AccountOwnership.partitionOf(account.toString(), 3),
                            "the partition Kafka's producer chose for the key");
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accounts.stream().allMatch(first.ownership::owns));
            assertTrue(accounts.stream().allMatch(first.ownership::owns), "the remaining instance takes every account over");
        }
    }
}
