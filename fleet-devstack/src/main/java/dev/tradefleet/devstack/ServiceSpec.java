package dev.tradefleet.devstack;

import java.util.List;

/**
 * A service of the fleet as the launcher knows it: its default port, its database (if it owns one) and where
 * its runnable jar is once built. Services whose jar does not exist yet are skipped, so the fleet grows as
 * services land.
 */
public record ServiceSpec(String name, int defaultPort, String database) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("auth-service", 8081, "auth"),
            new ServiceSpec("credentials-service", 8082, "credentials"),
            new ServiceSpec("order-service", 8083, "orders"),
            new ServiceSpec("exchange-connector-service", 8084, "connector"),
            new ServiceSpec("market-making-service", 8085, "market_making"),
            new ServiceSpec("ledger-service", 8086, "ledger"),
            // the simulated venue keeps its state in memory, like a testnet that is reset on restart
            new ServiceSpec("paper-exchange", 8090, null),
            // the gateway starts last: it waits for the others' keys and routes
            new ServiceSpec("gateway-service", 8080, null));

    /** The management interface (health, metrics, OpenAPI) listens 1000 above the API port. */
    public int defaultManagementPort() {
        return defaultPort + 1000;
    }

    /** The PostgreSQL role the service connects as: it owns the service's database and nothing else. */
    public String databaseRole() {
        return database + "_service";
    }

    public String jar() {
        return name + "/target/quarkus-app/quarkus-run.jar";
    }
}
