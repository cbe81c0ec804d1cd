package dev.tradefleet.bench;

import dev.tradefleet.devstack.Fleet;
import dev.tradefleet.devstack.FleetSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the gateway costs: the same authenticated GET ({@code /auth/me}) straight to auth-service and through
 * the gateway, with 64 requests in flight and then with one, on a real fleet started for the run (rate limits raised so that
 * they do not shape the result). Prints a Markdown table for docs/benchmarks.md.
 *
 * <p>Usage: {@code java -jar bench/target/tradefleet-bench.jar [seconds] [connections] [rates]} from the repository
 * root, e.g. {@code 20 64 1000,3000,5000}.
 */
public final class GatewayOverhead {

    private GatewayOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int[] rates = args.length > 2
                ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1000, 3000, 5000};
        Path repo = Path.of("").toAbsolutePath();
        Path home = Files.createTempDirectory(repo.resolve("bench/target"), "fleet-bench-");
        Map<String, String> unlimited = Map.of(
                "GATEWAY_USER_BURST", "1000000", "GATEWAY_USER_PER_SECOND", "1000000",
                "GATEWAY_ADDRESS_BURST", "1000000", "GATEWAY_ADDRESS_PER_SECOND", "1000000");
        try (Fleet fleet = Fleet.start(FleetSettings.isolated(repo, home, unlimited))) {
            String gateway = fleet.settings().url("gateway-service");
            String auth = fleet.settings().url("auth-service");
            String token = login(gateway);
            Vertx vertx = Vertx.vertx();
            try {
                Duration warmUp = Duration.ofSeconds(Math.max(5, seconds / 2));
                LoadRun.saturate(vertx, "warm-up", auth + "/auth/me", token, connections, warmUp);
                LoadRun.saturate(vertx, "warm-up", gateway + "/api/auth/me", token, connections, warmUp);
                Duration measure = Duration.ofSeconds(seconds);
                String direct = auth + "/auth/me";
                String proxied = gateway + "/api/auth/me";
                System.out.println(report("Most it can do: " + connections + " requests always in flight", List.of(
                        LoadRun.saturate(vertx, "direct to auth-service", direct, token, connections, measure),
                        LoadRun.saturate(vertx, "through the gateway", proxied, token, connections, measure),
                        LoadRun.saturate(vertx, "direct again", direct, token, connections, measure))));
                for (int rate : rates) {
                    System.out.println(report("Fixed rate: " + rate + " requests/s over " + connections + " connections", List.of(
                            LoadRun.atRate(vertx, "direct to auth-service", direct, token, connections, rate, measure),
                            LoadRun.atRate(vertx, "through the gateway", proxied, token, connections, rate, measure),
                            LoadRun.atRate(vertx, "direct again", direct, token, connections, rate, measure))));
                }
                System.out.println(report("One request at a time", List.of(
                        LoadRun.saturate(vertx, "direct to auth-service", direct, token, 1, measure),
                        LoadRun.saturate(vertx, "through the gateway", proxied, token, 1, measure),
                        LoadRun.saturate(vertx, "direct again", direct, token, 1, measure))));
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get();
            }
        }
    }

    private static String login(String gateway) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "benchmark passphrase " + UUID.randomUUID();
        JsonObject credentials = new JsonObject().put("email", email).put("password", password).put("name", "Bench");
        send(http, gateway + "/api/auth/register", credentials.encode(), 201);
        String body = send(http, gateway + "/api/auth/login", new JsonObject().put("email", email).put("password", password).encode(), 200);
        return new JsonObject(body).getString("accessToken");
    }

    private static String send(HttpClient http, String url, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String report(String title, List<LoadRun.Result> results) {
        StringBuilder s = new StringBuilder();
        s.append("#### ").append(title).append("\n\n");
        s.append("| run | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n");
        s.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LoadRun.Result r : results) {
            s.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d |%n", r.name(), r.throughput(),
                    r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99), r.percentileMillis(100), r.errors()));
        }
        LoadRun.Result direct = results.get(0);
        LoadRun.Result again = results.get(2);
        LoadRun.Result gateway = results.get(1);
        double directMedian = (direct.percentileMillis(50) + again.percentileMillis(50)) / 2;
        double directP99 = (direct.percentileMillis(99) + again.percentileMillis(99)) / 2;
        s.append(String.format(Locale.ROOT, "%ngateway adds %.2f ms at the median and %.2f ms at p99 (against the mean of both direct runs)%n",
                gateway.percentileMillis(50) - directMedian, gateway.percentileMillis(99) - directP99));
        return s.toString();
    }
}
