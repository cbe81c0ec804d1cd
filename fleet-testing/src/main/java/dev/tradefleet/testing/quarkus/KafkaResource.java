package dev.tradefleet.testing.quarkus;

import dev.tradefleet.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The shared embedded Kafka broker, with every topic of fleet-contracts created. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by the JVM's test classes
    }
}
