package dev.tradefleet.messaging.runtime;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service is ready only when it can reach a Kafka broker. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private final Admin admin;

    KafkaReadinessCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").status(nodes > 0).withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
