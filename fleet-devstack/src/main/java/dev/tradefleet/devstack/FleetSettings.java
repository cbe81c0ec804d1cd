package dev.tradefleet.devstack;

import dev.tradefleet.embedded.FreePorts;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the fleet keeps its state and which ports it uses: the fixed, documented ones for {@code ./fleet up},
 * or any others (tests use free ports so that they never collide with a running fleet).
 */
public record FleetSettings(Path repo, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort,
                            Map<String, Integer> servicePorts, Map<String, Integer> managementPorts, String gatewayHost,
                            Map<String, String> extraConfig, Set<String> only) {

    /** Every service listens on loopback only; the gateway too unless {@code TRADEFLEET_GATEWAY_HOST} opens it on purpose. */
    public static final String LOOPBACK = "127.0.0.1";

    public static FleetSettings standard(Path repo) {
        Map<String, Integer> ports = new HashMap<>();
        Map<String, Integer> management = new HashMap<>();
        ServiceSpec.ALL.forEach(s -> {
            ports.put(s.name(), s.defaultPort());
            management.put(s.name(), s.defaultManagementPort());
        });
        String gatewayHost = System.getenv().getOrDefault("TRADEFLEET_GATEWAY_HOST", LOOPBACK);
        return new FleetSettings(repo, repo.resolve(".fleet"), 15432, 19092, 19093, ports, management, gatewayHost, Map.of(), Set.of());
    }

    /** The same fleet on free ports under {@code home}, so that it never collides with a running {@code ./fleet up}. */
    public static FleetSettings isolated(Path repo, Path home, Map<String, String> extraConfig) {
        Map<String, Integer> ports = new HashMap<>();
        Map<String, Integer> management = new HashMap<>();
        ServiceSpec.ALL.forEach(s -> {
            ports.put(s.name(), FreePorts.next());
            management.put(s.name(), FreePorts.next());
        });
        return new FleetSettings(repo, home, FreePorts.next(), FreePorts.next(), FreePorts.next(), ports, management, LOOPBACK,
                Map.copyOf(extraConfig), Set.of());
    }

    /** The same settings, starting only {@code services} (for benchmarks of one service). */
    public FleetSettings onlyServices(Set<String> services) {
        return new FleetSettings(repo, home, postgresPort, kafkaPort, kafkaControllerPort, servicePorts, managementPorts,
                gatewayHost, extraConfig, Set.copyOf(services));
    }

    /** The address {@code service} listens on for its API. */
    public String host(String service) {
        return service.equals("gateway-service") ? gatewayHost : LOOPBACK;
    }

    public int managementPort(String service) {
        return managementPorts.get(service);
    }

    /** Health, metrics and OpenAPI of {@code service}: its management interface, always on loopback. */
    public String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPort(service);
    }

    /** Whether the fleet starts {@code service} (all services when no selection was made). */
    public boolean starts(String service) {
        return only.isEmpty() || only.contains(service);
    }

    public int port(String service) {
        return servicePorts.get(service);
    }

    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }
}
