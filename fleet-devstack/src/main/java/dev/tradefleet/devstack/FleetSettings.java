package dev.tradefleet.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the fleet keeps its state and which ports it uses: the fixed, documented ones for {@code ./fleet up},
 * or any others (tests use free ports so that they never collide with a running fleet).
 */
public record FleetSettings(Path repo, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort,
                            Map<String, Integer> servicePorts) {

    public static FleetSettings standard(Path repo) {
        Map<String, Integer> ports = new HashMap<>();
        ServiceSpec.ALL.forEach(s -> ports.put(s.name(), s.defaultPort()));
        return new FleetSettings(repo, repo.resolve(".fleet"), 15432, 19092, 19093, ports);
    }

    public int port(String service) {
        return servicePorts.get(service);
    }

    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }
}
