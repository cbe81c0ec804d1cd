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
 * <p>Usage: {@code java -jar bench/target/tradefleet-bench.jar [seconds] [connections]} from the repository root.
 */
public final class GatewayOverhead {

    private GatewayOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
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
                LoadRun.run(vertx, "warm-up", auth + "/auth/me", token, connections, warmUp);
                LoadRun.run(vertx, "warm-up", gateway + "/api/auth/me", token, connections, warmUp);
                Duration measure = Duration.ofSeconds(seconds);
                // Saturated (throughput, and latency with queueing) and then one request at a time (the latency the
                // gateway itself adds, without queueing on two shared cores).
                for (int inFlight : new int[] {connections, 1}) {
                    List<LoadRun.Result> results = List.of(
                            LoadRun.run(vertx, "direct to auth-service", auth + "/auth/me", token, inFlight, measure),
                            LoadRun.run(vertx, "through the gateway", gateway + "/api/auth/me", token, inFlight, measure),
                            LoadRun.run(vertx, "direct again", auth + "/auth/me", token, inFlight, measure));
                    System.out.println(report(results, inFlight, seconds));
                }
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

    static String report(List<LoadRun.Result> results, int connections, int seconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d connections, %d s per run, %d cores%n%n", connections, seconds,
                Runtime.getRuntime().availableProcessors()));
        s.append("| run | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n");
        s.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LoadRun.Result r : results) {
            s.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d |%n", r.name(), r.throughput(),
                    r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99), r.percentileMillis(100), r.errors()));
        }
        LoadRun.Result direct = results.get(0);
        LoadRun.Result gateway = results.get(1);
        s.append(String.format(Locale.ROOT, "%ngateway overhead at the median: %.2f ms; at p99: %.2f ms%n",
                gateway.percentileMillis(50) - direct.percentileMillis(50),
                gateway.percentileMillis(99) - direct.percentileMillis(99)));
        return s.toString();
    }
}
