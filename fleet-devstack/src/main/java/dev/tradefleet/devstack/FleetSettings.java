package dev.tradefleet.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the fleet keeps its state and which ports it uses: the fixed, documented ones for {@code ./fleet up},
 * or any others (tests use free ports so that they never collide with a running fleet).
 */
public record FleetSettings(Path repo, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort,
                            Map<String, Integer> servicePorts, Map<String, String> extraConfig, java.util.Set<String> only) {

    public static FleetSettings standard(Path repo) {
        Map<String, Integer> ports = new HashMap<>();
        ServiceSpec.ALL.forEach(s -> ports.put(s.name(), s.defaultPort()));
        return new FleetSettings(repo, repo.resolve(".fleet"), 15432, 19092, 19093, ports, Map.of(), java.util.Set.of());
    }

    /** The same fleet on free ports under {@code home}, so that it never collides with a running {@code ./fleet up}. */
    public static FleetSettings isolated(Path repo, Path home, Map<String, String> extraConfig) {
        Map<String, Integer> ports = new HashMap<>();
        ServiceSpec.ALL.forEach(s -> ports.put(s.name(), dev.tradefleet.testing.FreePorts.next()));
        return new FleetSettings(repo, home, dev.tradefleet.testing.FreePorts.next(), dev.tradefleet.testing.FreePorts.next(),
                dev.tradefleet.testing.FreePorts.next(), ports, Map.copyOf(extraConfig), java.util.Set.of());
    }

    /** The same settings, starting only {@code services} (for benchmarks of one service). */
    public FleetSettings onlyServices(java.util.Set<String> services) {
        return new FleetSettings(repo, home, postgresPort, kafkaPort, kafkaControllerPort, servicePorts, extraConfig, Set.copyOf(services));
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
