package dev.tradefleet.bench;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TradingIntents;
import dev.tradefleet.devstack.Fleet;
import dev.tradefleet.devstack.FleetSettings;
import dev.tradefleet.embedded.EmbeddedPostgres;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connector's latency from intent to outcome: intents published on {@code trading.intents.v1} at a fixed rate
 * (open loop: latency counts from when an intent was due, so a backlog is not hidden), each a LIMIT BUY that rests
 * on the paper exchange, and the time until its ACCEPTED update is consumed from {@code trading.order-updates.v1}.
 * The real auth-service, credentials-service, connector and paper exchange run as processes (./fleet's launcher);
 * the paper venue's limits are lifted on both sides, since Binance's own (100 orders/s per address) would make
 * this a measure of the limiter. Also reports the connector's CPU (of one core) and resident memory during each run.
 *
 * <p>Usage: {@code java -cp "bench/target/tradefleet-bench.jar:bench/target/lib/*" dev.tradefleet.bench.ConnectorLatency [seconds] [accounts] [rates] [warm-up seconds]}
 */
public final class ConnectorLatency {

    private static final String CONNECTOR = "exchange-connector-service";

    private ConnectorLatency() {
    }

    record Account(UUID credentialId, UUID userId) {
    }

    record Run(int rate, int sent, int answered, double seconds, long[] sortedNanos, double cpuCores, long rssKiB) {

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1_000_000d;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int[] rates = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {200, 400, 800};
        int warmUpSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 150;
        Path repo = Path.of("").toAbsolutePath();
        Path home = Files.createTempDirectory(repo.resolve("bench/target"), "connector-bench-");
        FleetSettings settings = FleetSettings.isolated(repo, home, Map.of(
                        "tradefleet.paper.weight-limit", "1000000000",
                        "tradefleet.venues.binance.paper.limits.REQUEST_WEIGHT", "1000000000",
                        "tradefleet.venues.binance.paper.limits.RAW_REQUESTS", "1000000000",
                        "tradefleet.venues.binance.paper.limits.ORDERS_10S", "1000000000",
                        "tradefleet.venues.binance.paper.limits.ORDERS_1D", "1000000000"))
                .onlyServices(Set.of("auth-service", "credentials-service", CONNECTOR, "paper-exchange"));
        try (Fleet fleet = Fleet.start(settings)) {
            List<Account> opened = openAccounts(fleet, accounts);
            String bootstrap = "127.0.0.1:" + fleet.settings().kafkaPort();
            long pid = Long.parseLong(Files.readString(home.resolve("run/" + CONNECTOR + ".pid")).strip());
            try (Driver driver = new Driver(bootstrap)) {
                // The JIT compiles the hot paths first: on two shared cores its compiler threads take a third of the
                // connector's CPU for the first two minutes, and latency measured then is the compiler's, not the service's.
                driver.run(opened, 100, Duration.ofSeconds(warmUpSeconds), pid);
                List<Run> runs = new ArrayList<>();
                List<Stages> stages = new ArrayList<>();
                for (int rate : rates) {
                    Run run = driver.run(opened, rate, Duration.ofSeconds(seconds), pid);
                    runs.add(run);
                    stages.add(Stages.of(fleet, rate, driver.intentsOfTheLastRun()));
                }
                System.out.println(report(runs, accounts));
                System.out.println(Stages.report(stages));
            }
        }
    }

    /** Users, their paper accounts and their credentials, made through the real services. */
    private static List<Account> openAccounts(Fleet fleet, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = fleet.settings().url("auth-service");
        String credentials = fleet.settings().url("credentials-service");
        String paper = fleet.settings().url("paper-exchange");
        // one trader with many accounts: registrations are throttled per address, credentials are not
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "benchmark passphrase " + UUID.randomUUID();
        send(http, auth + "/auth/register", null, null, new JsonObject().put("email", email).put("password", password)
                .put("name", "Bench").encode(), 201);
        String token = new JsonObject(send(http, auth + "/auth/login", null, null,
                new JsonObject().put("email", email).put("password", password).encode(), 200)).getString("accessToken");
        UUID userId = UUID.fromString(new JsonObject(get(http, auth + "/auth/me", token)).getString("id"));
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonObject keys = new JsonObject(send(http, paper + "/sim/accounts", null, fleet.paperAdminKey(),
                    "{\"balances\":{\"USDT\":\"100000000\"}}", 200));
            JsonObject credential = new JsonObject(send(http, credentials + "/credentials", token, null, new JsonObject()
                    .put("exchange", "binance").put("environment", "paper").put("label", "bench-" + i)
                    .put("apiKey", keys.getString("apiKey")).put("secretKey", keys.getString("secretKey")).encode(), 201));
            accounts.add(new Account(UUID.fromString(credential.getString("id")), userId));
        }
        return accounts;
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String send(HttpClient http, String url, String token, String adminKey, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (adminKey != null) {
            request.header("X-Admin-Key", adminKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Publishes intents at a rate and matches each ACCEPTED update to when its intent was due. */
    private static final class Driver implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<UUID, Long> due = new ConcurrentHashMap<>();
        private final Map<UUID, Long> latency = new ConcurrentHashMap<>();
        private final AtomicBoolean reading = new AtomicBoolean(true);
        private final Thread reader;

        Driver(String bootstrap) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRADING_ORDER_UPDATES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            reader = new Thread(this::read, "bench-updates");
            reader.start();
        }

        private void read() {
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    EventEnvelope event = EventCodec.decode(record.value());
                    OrderUpdate update = EventCodec.payload(event, OrderUpdate.class);
                    Long dueAt = due.get(update.intentId());
                    if (dueAt != null && update.status() == OrderStatus.ACCEPTED) {
                        latency.putIfAbsent(update.intentId(), now - dueAt);
                    }
                }
            }
            consumer.close();
        }

        List<UUID> intentsOfTheLastRun() {
            return List.copyOf(due.keySet());
        }

        Run run(List<Account> accounts, int rate, Duration duration, long pid) throws Exception {
            due.clear();
            latency.clear();
            int total = (int) (rate * duration.toSeconds());
            long periodNanos = 1_000_000_000L / rate;
            CpuSample before = CpuSample.of(pid);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long dueAt = start + i * periodNanos;
                long wait = dueAt - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Account account = accounts.get(i % accounts.size());
                // far below the market: it rests, so every intent ends in exactly one ACCEPTED update
                PlaceOrder bid = new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "bench", "BTCUSDT",
                        OrderSide.BUY, OrderKind.LIMIT, null, new BigDecimal("0.01"), null, new BigDecimal("1000"), null);
                due.put(bid.intentId(), dueAt);
                producer.send(new ProducerRecord<>(Topics.TRADING_INTENTS, account.credentialId().toString(),
                        EventCodec.encode(TradingIntents.toEvent(URI.create("/bench"), bid))));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (latency.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            CpuSample after = CpuSample.of(pid);
            long[] sorted = latency.values().stream().mapToLong(Long::longValue).sorted().toArray();
            return new Run(rate, total, sorted.length, elapsed, sorted, after.cpuSecondsSince(before) / after.secondsSince(before),
                    after.rssKiB());
        }

        @Override
        public void close() throws InterruptedException {
            reading.set(false);
            reader.join();
            producer.close();
        }
    }

    /**
     * Where an intent's time went, from the connector's own timestamps (each a transaction's start): intake (published
     * → the consumer's transaction that recorded it), lane (→ its order row committed as SENDING), venue (→ the answer
     * recorded: the signed REST call and the paper exchange's work), relay (→ the outbox row published to Kafka).
     * What is left of the total is Kafka's delivery to the driver.
     */
    private record Stages(int rate, double[] p50, double[] p99) {

        private static final String[] NAMES = {"intake", "lane", "venue", "relay"};
        private static final String SQL = "WITH s AS (SELECT (convert_from(i.event, 'UTF8')::jsonb->>'time')::timestamptz AS published,"
                + " i.received_at, o.sent_at, i.done_at, ob.published_at AS relayed FROM intents i JOIN orders o ON o.intent_id = i.intent_id"
                + " JOIN fleet_outbox ob ON ob.record_key = i.credential_id::text AND ob.topic = 'trading.order-updates.v1'"
                + " AND (convert_from(ob.payload, 'UTF8')::jsonb->'data'->>'intentId')::uuid = i.intent_id"
                + " WHERE i.intent_id = ANY(?)), m AS (SELECT extract(epoch FROM received_at - published) * 1000 AS intake,"
                + " extract(epoch FROM sent_at - received_at) * 1000 AS lane, extract(epoch FROM done_at - sent_at) * 1000 AS venue,"
                + " extract(epoch FROM relayed - done_at) * 1000 AS relay FROM s)"
                + " SELECT percentile_cont(?) WITHIN GROUP (ORDER BY intake), percentile_cont(?) WITHIN GROUP (ORDER BY lane),"
                + " percentile_cont(?) WITHIN GROUP (ORDER BY venue), percentile_cont(?) WITHIN GROUP (ORDER BY relay) FROM m";

        static Stages of(Fleet fleet, int rate, List<UUID> intents) throws Exception {
            try (Connection c = DriverManager.getConnection(fleet.jdbcUrl("connector"), EmbeddedPostgres.USER, fleet.superuserPassword())) {
                return new Stages(rate, percentiles(c, intents, 0.5), percentiles(c, intents, 0.99));
            }
        }

        private static double[] percentiles(Connection c, List<UUID> intents, double p) throws Exception {
            try (PreparedStatement query = c.prepareStatement(SQL)) {
                query.setArray(1, c.createArrayOf("uuid", intents.toArray()));
                for (int i = 2; i <= 5; i++) {
                    query.setDouble(i, p);
                }
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    double[] values = new double[NAMES.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.getDouble(i + 1);
                    }
                    return values;
                }
            }
        }

        static String report(List<Stages> runs) {
            StringBuilder s = new StringBuilder("#### Where the time went (the connector's timestamps; p50 / p99 ms)\n\n| intents/s |");
            for (String name : NAMES) {
                s.append(' ').append(name).append(" |");
            }
            s.append("\n| ---: |").append(" ---: |".repeat(NAMES.length)).append('\n');
            for (Stages r : runs) {
                s.append("| ").append(r.rate()).append(" |");
                for (int i = 0; i < NAMES.length; i++) {
                    s.append(String.format(Locale.ROOT, " %.1f / %.1f |", r.p50()[i], r.p99()[i]));
                }
                s.append('\n');
            }
            return s.toString();
        }
    }

    /** A process's CPU time and resident memory, from /proc (Linux). */
    private record CpuSample(long ticks, long nanos, long rssKiB) {

        private static final double TICKS_PER_SECOND = 100;

        static CpuSample of(long pid) throws Exception {
            String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
            long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            long rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
            return new CpuSample(ticks, System.nanoTime(), rss);
        }

        double cpuSecondsSince(CpuSample before) {
            return (ticks - before.ticks) / TICKS_PER_SECOND;
        }

        double secondsSince(CpuSample before) {
            return (nanos - before.nanos) / 1e9;
        }
    }

    private static String report(List<Run> runs, int accounts) {
        StringBuilder s = new StringBuilder();
        s.append("#### Intent published → ACCEPTED update consumed (").append(accounts).append(" accounts)\n\n");
        s.append("| intents/s | sent | answered | p50 ms | p90 ms | p99 ms | max ms | connector CPU (cores) | connector RSS MiB |\n");
        s.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Run r : runs) {
            s.append(String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %d |%n", r.rate(), r.sent(), r.answered(),
                    r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99), r.percentileMillis(100), r.cpuCores(),
                    r.rssKiB() / 1024));
        }
        return s.toString();
    }
}
