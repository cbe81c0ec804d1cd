package dev.tradefleet.bench;

import dev.tradefleet.devstack.Fleet;
import dev.tradefleet.devstack.FleetSettings;
import dev.tradefleet.paper.binance.Signatures;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The paper exchange over REST: signed {@code POST /api/v3/order} from 64 clients, each with its own account
 * and API key, LIMIT GTC orders of 0.001 BTC a few ticks either side of 60,000 (so about half trade and half
 * rest). The paper-exchange jar runs alone (simulated market off, request-weight limit lifted); the driver
 * signs every request with HMAC-SHA256 as a Binance client would.
 *
 * <p>Usage: {@code java -cp "bench/target/tradefleet-bench.jar:bench/target/lib/*" dev.tradefleet.bench.PaperExchangeLoad [seconds] [clients]}
 */
public final class PaperExchangeLoad {

    private PaperExchangeLoad() {
    }

    record Client(String apiKey, String secretKey) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path repo = Path.of("").toAbsolutePath();
        Path home = Files.createTempDirectory(repo.resolve("bench/target"), "paper-bench-");
        FleetSettings settings = FleetSettings.isolated(repo, home, Map.of(
                "tradefleet.paper.weight-limit", "1000000000", "tradefleet.paper.sim.enabled", "false"))
                .onlyServices(Set.of("paper-exchange"));
        try (Fleet fleet = Fleet.start(settings)) {
            String base = fleet.settings().url("paper-exchange");
            List<Client> accounts = new java.util.ArrayList<>();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < clients; i++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/sim/accounts"))
                        .header("X-Admin-Key", fleet.paperAdminKey()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"balances\":{\"BTC\":\"100000\",\"USDT\":\"1000000000\"}}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                JsonObject keys = new JsonObject(response.body());
                accounts.add(new Client(keys.getString("apiKey"), keys.getString("secretKey")));
            }
            AtomicLong sequence = new AtomicLong();
            Supplier<RequestOptions> orders = () -> {
                long n = sequence.getAndIncrement();
                Client client = accounts.get((int) (n % clients));
                boolean buy = (n & 1) == 0;
                long ticks = ThreadLocalRandom.current().nextInt(-10, 11);
                String price = String.format(java.util.Locale.ROOT, "%.2f", 60000 + ticks * 0.01);
                String query = "symbol=BTCUSDT&side=" + (buy ? "BUY" : "SELL") + "&type=LIMIT&timeInForce=GTC&quantity=0.001&price="
                        + price + "&newOrderRespType=RESULT&timestamp=" + System.currentTimeMillis();
                return new RequestOptions().setMethod(HttpMethod.POST)
                        .setAbsoluteURI(base + "/api/v3/order?" + query + "&signature=" + Signatures.sign(client.secretKey(), query))
                        .putHeader("X-MBX-APIKEY", client.apiKey()).setTimeout(10_000);
            };
            Vertx vertx = Vertx.vertx();
            try {
                LoadRun.saturate(vertx, "warm-up", orders, clients, Duration.ofSeconds(Math.max(5, seconds / 2)));
                LoadRun.Result result = LoadRun.saturate(vertx, "signed order placements", orders, clients, Duration.ofSeconds(seconds));
                System.out.printf(java.util.Locale.ROOT, "| %d clients | %.0f orders/s | p50 %.2f ms | p90 %.2f ms | p99 %.2f ms | max %.2f ms | errors %d |%n",
                        clients, result.throughput(), result.percentileMillis(50), result.percentileMillis(90),
                        result.percentileMillis(99), result.percentileMillis(100), result.errors());
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get();
            }
        }
    }
}
