package dev.tradefleet.orders;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** order-service reading credentials-service and the connector from the {@link FleetStub}. */
public class OrdersTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = FleetStub.shared().url().toString();
        return Map.of("tradefleet.orders.credentials-url", url, "tradefleet.orders.connector-url", url);
    }

    @Override
    public void stop() {
        // shared by the JVM's test classes
    }
}
