package dev.tradefleet.devstack;

import dev.tradefleet.contracts.Topics;
import dev.tradefleet.embedded.CredentialKeysets;
import dev.tradefleet.embedded.EmbeddedKafka;
import dev.tradefleet.embedded.EmbeddedPostgres;
import dev.tradefleet.embedded.FreePorts;
import dev.tradefleet.embedded.SigningKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole fleet on one machine: embedded PostgreSQL (one database per service), an embedded Kafka broker
 * with every topic, a development signing key and secrets, and every service jar that has been built, each
 * in its own JVM, started in order and waited for until healthy.
 */
public final class Fleet implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@tradefleet.local";
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);

    private final FleetSettings settings;
    private final Secrets secrets;
    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;
    private KeyPair signingKeyPair;
    private final Map<String, Process> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Process> replicas = Collections.synchronizedList(new ArrayList<>());

    private Fleet(FleetSettings settings) {
        this.settings = settings;
        this.secrets = new Secrets(settings.home().resolve("secrets"));
    }

    /** Starts the fleet; it stops when closed, or when this JVM exits (services first, then Kafka, then PostgreSQL). */
    public static Fleet start(FleetSettings settings) {
        Fleet fleet = new Fleet(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "fleet-stop"));
        try {
            fleet.startInfrastructure();
            fleet.startServices();
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    public FleetSettings settings() {
        return settings;
    }

    /** The services that are running, in start order. */
    public List<String> running() {
        return List.copyOf(processes.keySet());
    }

    public KeyPair signingKeyPair() {
        return signingKeyPair;
    }

    public String signingKeyId() {
        return read(settings.home().resolve("keys/current-kid"));
    }

    public String adminPassword() {
        return secrets.get("admin-password");
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The password of a service's own database role (kept under {@code .fleet/secrets}). */
    public String databasePassword(ServiceSpec spec) {
        return secrets.get("db-" + spec.name());
    }

    /** The PostgreSQL superuser's password, for operators (and tests) who need to look into any database. */
    public String superuserPassword() {
        return secrets.get("postgres-superuser");
    }

    private void startInfrastructure() {
        Path home = settings.home();
        postgres = EmbeddedPostgres.startProtected(home.resolve("postgres"), settings.postgresPort(),
                secrets.get("postgres-superuser"));
        // least privilege: each service connects as a role of its own that owns its database and nothing else
        ServiceSpec.ALL.stream().filter(s -> s.database() != null)
                .forEach(s -> postgres.ensureOwnedDatabase(s.database(), s.databaseRole(), databasePassword(s)));
        kafka = EmbeddedKafka.start(home.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        kafka.createTopics(Topics.allWithDeadLetters(), 3);
        signingKeyPair = ensureSigningKey(home.resolve("keys"));
    }

    /** Makes a development signing key on first run and reuses it afterwards, so sessions survive restarts. */
    private KeyPair ensureSigningKey(Path dir) {
        Path kidFile = dir.resolve("current-kid");
        try {
            if (Files.exists(kidFile)) {
                return readKeyPair(dir.resolve(read(kidFile) + ".pem"));
            }
            String kid = "dev-" + LocalDate.now() + "-" + Long.toHexString(System.nanoTime() & 0xffff);
            SigningKeys.Generated generated = SigningKeys.write(dir, kid, SigningKeys.newKeyPair(), List.of());
            Secrets.writePrivate(kidFile, kid + "\n");
            return generated.keyPair();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A development Tink keyset for credentials-service, made once; production keysets come from a Secret. */
    private static Path ensureCredentialKeyset(Path file) {
        try {
            if (!Files.exists(file)) {
                Secrets.writePrivate(file, CredentialKeysets.newKeyset());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paper exchange's admin key ({@code X-Admin-Key}), made on first run, kept where the docs say. */
    public String paperAdminKey() {
        Path file = settings.home().resolve("paper-exchange/admin-key");
        try {
            if (!Files.exists(file)) {
                Secrets.writePrivate(file, secrets.get("paper-admin-key") + "\n");
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The secret of a service client, as auth-service knows it (for tests that act as that service). */
    public String clientSecret(String client) {
        return secrets.get("client-" + client);
    }

    private static KeyPair readKeyPair(Path pem) {
        try {
            String base64 = String.join("", Files.readAllLines(pem).stream().filter(l -> !l.startsWith("-----")).toList());
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())),
                    privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the signing key " + pem + " is not readable", e);
        }
    }

    private void startServices() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Path jar = settings.repo().resolve(spec.jar());
            if (!Files.exists(jar) || !settings.starts(spec.name())) {
                continue;
            }
            Path log = settings.home().resolve("logs/" + spec.name() + ".log");
            Process process = launch(spec.name(), jar, writeConfig(spec), log);
            processes.put(spec.name(), process);
            try {
                Secrets.writePrivate(settings.home().resolve("run/" + spec.name() + ".pid"), process.pid() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + spec.name(), e);
            }
            awaitHealthy(spec.name(), process, URI.create(settings.managementUrl(spec.name()) + "/q/health/ready"), log);
        }
    }

    /**
     * One more instance of a running service: the same configuration on ports of its own, as a second replica runs
     * in a cluster. It stops with the fleet; whoever started it may stop it earlier.
     */
    public Process startReplica(String service) {
        if (!processes.containsKey(service)) {
            throw new IllegalArgumentException(service + " is not running");
        }
        ServiceSpec spec = ServiceSpec.ALL.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Path log = settings.home().resolve("logs/" + service + "-replica-" + port + ".log");
        Path config = settings.home().resolve("config/" + service + "-replica-" + port + ".properties");
        try {
            // the service's own file with ports of the replica's: a config file outranks -D properties here
            String own = Files.readString(settings.home().resolve("config/" + service + ".properties"))
                    .replaceAll("(?m)^quarkus\\.http\\.port=.*$", "quarkus.http.port=" + port)
                    .replaceAll("(?m)^quarkus\\.management\\.port=.*$", "quarkus.management.port=" + managementPort);
            Secrets.writePrivate(config, own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process replica = launch(service, settings.repo().resolve(spec.jar()), config, log);
        replicas.add(replica);
        awaitHealthy(service, replica, URI.create("http://" + FleetSettings.LOOPBACK + ":" + managementPort + "/q/health/ready"), log);
        return replica;
    }

    private Process launch(String service, Path jar, Path config, Path log) {
        try {
            Files.createDirectories(log.getParent());
            return new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-Dquarkus.config.locations=" + config.toUri(),
                    "-jar", jar.toString())
                    .directory(settings.repo().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service, e);
        }
    }

    /** Everything a service needs to know, in a file only its owner can read (no secrets on command lines). */
    private Path writeConfig(ServiceSpec spec) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", String.valueOf(settings.port(spec.name())));
        config.put("quarkus.http.host", settings.host(spec.name()));
        config.put("quarkus.management.port", String.valueOf(settings.managementPort(spec.name())));
        config.put("quarkus.management.host", FleetSettings.LOOPBACK);
        config.put("quarkus.log.console.json.enabled", "false");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        for (ServiceSpec other : ServiceSpec.ALL) {
            config.put(other.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_URL", settings.url(other.name()));
        }
        if (spec.database() != null) {
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(spec.database()));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(spec.database()));
            config.put("quarkus.datasource.username", spec.databaseRole());
            config.put("quarkus.datasource.password", databasePassword(spec));
        }
        Path keys = settings.home().resolve("keys");
        if (spec.name().equals("auth-service")) {
            config.put("mp.jwt.verify.publickey.location", keys.resolve("jwks.json").toUri().toString());
            config.put("tradefleet.auth.signing.private-key-location", keys.resolve(signingKeyId() + ".pem").toString());
            config.put("tradefleet.auth.signing.key-id", signingKeyId());
            config.put("tradefleet.auth.bootstrap-admin.email", ADMIN_EMAIL);
            // the gateway reaches auth-service over loopback: it alone may say who the client is
            config.put("tradefleet.auth.trusted-proxies", FleetSettings.LOOPBACK);
            config.put("tradefleet.auth.bootstrap-admin.password", adminPassword());
            for (String client : List.of("exchange-connector", "market-making", "order")) {
                config.put("tradefleet.auth.clients." + client + ".secret", clientSecret(client));
            }
        } else {
            config.put("mp.jwt.verify.publickey.location", settings.url("auth-service") + "/auth/.well-known/jwks.json");
        }
        if (spec.name().equals("paper-exchange")) {
            config.put("tradefleet.paper.admin-key", paperAdminKey());
        }
        if (spec.name().equals("exchange-connector-service")) {
            config.put("tradefleet.connector.client-secret", clientSecret("exchange-connector"));
            config.put("tradefleet.connector.paper-admin-key", paperAdminKey());
            String paper = settings.url("paper-exchange");
            config.put("tradefleet.venues.binance.paper.rest-url", paper);
            config.put("tradefleet.venues.binance.paper.ws-url", paper.replaceFirst("^http", "ws") + "/ws-api/v3");
            config.put("tradefleet.venues.binance.paper.market-stream-url", paper.replaceFirst("^http", "ws"));
            config.put("tradefleet.venues.mexc.paper.rest-url", paper + "/mexc");
        }
        if (spec.name().equals("credentials-service")) {
            config.put("tradefleet.credentials.keyset-location", ensureCredentialKeyset(keys.resolve("credentials-keyset.json")).toString());
        }
        config.putAll(settings.extraConfig());
        StringBuilder text = new StringBuilder("# written by ./fleet up; regenerated on every start\n");
        config.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Path file = settings.home().resolve("config/" + spec.name() + ".properties");
        try {
            Secrets.writePrivate(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void awaitHealthy(String service, Process process, URI health, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue() + "; last lines of " + log
                        + ":\n" + tail(log, 30));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service, e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " was not healthy within " + HEALTH_TIMEOUT.toSeconds()
                + " s; last lines of " + log + ":\n" + tail(log, 30));
    }

    /** What a newcomer needs to see after {@code ./fleet up}. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("tradefleet is up.\n\n");
        s.append(String.format("  %-28s %s/api/...%n", "API (gateway)", settings.url("gateway-service")));
        for (String name : running()) {
            s.append(String.format("  %-28s %s  (health %s/q/health, OpenAPI %s/q/openapi)%n", name, settings.url(name),
                    settings.managementUrl(name), settings.managementUrl(name)));
        }
        s.append(String.format("  %-28s postgresql://127.0.0.1:%d (a role per service; superuser password in %s)%n",
                "PostgreSQL", settings.postgresPort(), settings.home().resolve("secrets/postgres-superuser")));
        s.append(String.format("  %-28s 127.0.0.1:%d%n", "Kafka", settings.kafkaPort()));
        s.append(String.format("%n  admin login: %s, password in %s%n", ADMIN_EMAIL,
                settings.home().resolve("secrets/admin-password")));
        if (running().contains("paper-exchange")) {
            s.append(String.format("  paper exchange admin key (X-Admin-Key) in %s%n", settings.home().resolve("paper-exchange/admin-key")));
        }
        s.append("  logs: ./fleet logs <service>    status: ./fleet status    stop: ./fleet down\n");
        return s.toString();
    }

    @Override
    public synchronized void close() {
        replicas.forEach(Process::destroy);
        replicas.clear();
        List<String> names = new ArrayList<>(processes.keySet());
        Collections.reverse(names);
        for (String name : names) {
            Process process = processes.get(name);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                Files.deleteIfExists(settings.home().resolve("run/" + name + ".pid"));
            } catch (IOException ignored) {
                // best effort: ./fleet down also checks pid files against live processes
            }
        }
        processes.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
