package dev.tradefleet.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code up}: starts the fleet and supervises it until it is told to stop (SIGTERM from {@code ./fleet down}),
 * then stops every service, Kafka and PostgreSQL. {@code status}: what is running and whether it is healthy.
 */
public final class FleetMain {

    private FleetMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        FleetSettings settings = FleetSettings.standard(Path.of("").toAbsolutePath());
        switch (command) {
            case "up" -> up(settings);
            case "status" -> status(settings);
            default -> {
                System.err.println("usage: fleet-devstack up|status (use ./fleet)");
                System.exit(2);
            }
        }
    }

    private static void up(FleetSettings settings) throws Exception {
        Path ready = settings.home().resolve("run/ready");
        Path failed = settings.home().resolve("run/failed");
        Files.deleteIfExists(ready);
        Files.deleteIfExists(failed);
        Fleet fleet;
        try {
            fleet = Fleet.start(settings);
        } catch (RuntimeException e) {
            Secrets.writePrivate(failed, "tradefleet could not start: " + e.getMessage() + "\n");
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the next up removes it anyway
            }
        }, "fleet-ready-remove"));
        Secrets.writePrivate(ready, fleet.summary());
        System.out.print(fleet.summary());
        Thread.currentThread().join();
    }

    private static void status(FleetSettings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        System.out.printf("%-28s %-6s %-8s %s%n", "service", "port", "pid", "health");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Path pidFile = settings.home().resolve("run/" + spec.name() + ".pid");
            if (!Files.exists(pidFile)) {
                continue;
            }
            String pid;
            try {
                pid = Files.readString(pidFile).strip();
            } catch (IOException e) {
                pid = "?";
            }
            String health;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(settings.managementUrl(spec.name()) + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                health = response.statusCode() == 200 ? "UP" : "DOWN (" + response.statusCode() + ")";
            } catch (IOException e) {
                health = "not answering";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            System.out.printf("%-28s %-6d %-8s %s%n", spec.name(), settings.port(spec.name()), pid, health);
        }
    }
}
