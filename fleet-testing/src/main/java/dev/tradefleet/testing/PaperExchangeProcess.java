package dev.tradefleet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.embedded.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The real paper exchange, its built jar run as a process of its own (one per test JVM, stopped when the JVM
 * exits): what a service that trades is tested against. Build paper-exchange first; the reactor does so.
 */
public final class PaperExchangeProcess {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static PaperExchangeProcess shared;

    /** A paper account's API key and secret, as the exchange shows them once. */
    public record Keys(String apiKey, String secretKey) {
        @Override
        public String toString() {
            return "Keys[redacted]";
        }
    }

    private final URI url;
    private final String adminKey;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private PaperExchangeProcess(URI url, String adminKey, Process process) {
        this.url = url;
        this.adminKey = adminKey;
        this.process = process;
    }

    public static synchronized PaperExchangeProcess shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    private static PaperExchangeProcess start() {
        Path repo = Path.of(System.getProperty("tradefleet.repo", "..")).toAbsolutePath().normalize();
        Path jar = repo.resolve("paper-exchange/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build paper-exchange first (./mvnw -pl paper-exchange package)");
        }
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        String adminKey = "test-" + UUID.randomUUID();
        try {
            Path log = Files.createTempFile("tradefleet-paper-exchange-", ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            env.put("TRADEFLEET_PAPER_ADMIN_KEY", adminKey);
            Process process = builder.start();
            awaitReady(process, URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"), log);
            return new PaperExchangeProcess(URI.create("http://127.0.0.1:" + port), adminKey, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the paper exchange", e);
        }
    }

    private static void awaitReady(Process process, URI health, Path log) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the paper exchange exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("the paper exchange was not ready within " + START_TIMEOUT.toSeconds() + " s: " + Files.readString(log));
    }

    public URI url() {
        return url;
    }

    /** For a service under test that opens accounts itself (as the connector does for users). */
    public String adminKey() {
        return adminKey;
    }

    /** Opens an account with these balances (asset to decimal string) on the exchange's Binance face. */
    public Keys openAccount(Map<String, String> balances) {
        return openAccount("binance", balances);
    }

    /** Opens an account on the exchange's {@code venue} face ({@code binance} or {@code mexc}, each with its own accounts). */
    public Keys openAccount(String venue, Map<String, String> balances) {
        JsonNode keys = admin("POST", "/sim/accounts", Map.of("venue", venue, "balances", balances));
        return new Keys(keys.path("apiKey").asText(), keys.path("secretKey").asText());
    }

    /** Calls an admin endpoint ({@code /sim/...}) and returns its JSON answer. */
    public JsonNode admin(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10))
                    .header("X-Admin-Key", adminKey).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
