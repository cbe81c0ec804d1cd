package dev.tradefleet.devstack;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TradingIntents;
import dev.tradefleet.embedded.EmbeddedPostgres;
import dev.tradefleet.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet as {@code ./fleet up} runs it — embedded PostgreSQL and Kafka, the real auth-service and gateway
 * jars in their own JVMs — on free ports, driven only through the gateway like the web app would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetEndToEndTest {

    private static final String PASSWORD = "a long and good passphrase";
    private Fleet fleet;
    private String gateway;
    private String auth;
    private TestTokens tokens;

    @BeforeAll
    void startFleet() throws Exception {
        Path repo = Path.of(System.getProperty("tradefleet.repo", "..")).toAbsolutePath().normalize();
        for (String service : List.of("auth-service", "credentials-service", "order-service", "exchange-connector-service",
                "paper-exchange", "gateway-service")) {
            assertTrue(Files.exists(repo.resolve(service + "/target/quarkus-app/quarkus-run.jar")),
                    service + " is not packaged: run the README's test command (./mvnw verify), which packages services first");
        }
        Path home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "fleet-e2e-");
        fleet = Fleet.start(FleetSettings.isolated(repo, home, Map.of()));
        gateway = fleet.settings().url("gateway-service");
        auth = fleet.settings().url("auth-service");
        tokens = new TestTokens(fleet.signingKeyPair(), fleet.signingKeyId());
    }

    @AfterAll
    void stopFleet() {
        if (fleet == null) {
            return;
        }
        FleetSettings settings = fleet.settings();
        fleet.close();
        for (String service : List.of("gateway-service", "exchange-connector-service", "order-service", "credentials-service",
                "auth-service")) {
            assertFalse(listening(settings.port(service)), service + " still listening after close");
        }
        assertFalse(listening(settings.postgresPort()), "PostgreSQL still listening after close");
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private RequestSpecification viaGateway() {
        return RestAssured.given().baseUri(gateway);
    }

    private long users() throws Exception {
        try (Connection c = DriverManager.getConnection(fleet.jdbcUrl("auth"), EmbeddedPostgres.USER, fleet.superuserPassword());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void registerLoginMeRefreshLogoutThroughTheGateway() {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        String id = viaGateway().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "name", "End To End"))
                .post("/api/auth/register").then().statusCode(201).body("email", equalTo(email)).extract().path("id");

        Map<String, Object> session = viaGateway().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath().getMap("");
        String access = (String) session.get("accessToken");

        viaGateway().auth().oauth2(access).get("/api/auth/me").then().statusCode(200)
                .body("id", equalTo(id)).body("roles", containsInAnyOrder("user"));

        Map<String, Object> rotated = viaGateway().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", session.get("refreshToken")))
                .post("/api/auth/refresh").then().statusCode(200).extract().jsonPath().getMap("");
        assertNotEquals(session.get("refreshToken"), rotated.get("refreshToken"));

        // reuse of the rotated token revokes the family: the new one dies too
        viaGateway().contentType(ContentType.JSON).body(Map.of("refreshToken", session.get("refreshToken")))
                .post("/api/auth/refresh").then().statusCode(401).contentType("application/problem+json");
        viaGateway().contentType(ContentType.JSON).body(Map.of("refreshToken", rotated.get("refreshToken")))
                .post("/api/auth/refresh").then().statusCode(401);

        Map<String, Object> again = viaGateway().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath().getMap("");
        viaGateway().auth().oauth2((String) again.get("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", again.get("refreshToken")))
                .post("/api/auth/logout").then().statusCode(204);
        viaGateway().contentType(ContentType.JSON).body(Map.of("refreshToken", again.get("refreshToken")))
                .post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    void theAdministratorFromConfigurationCanLogIn() {
        String access = viaGateway().contentType(ContentType.JSON)
                .body(Map.of("email", Fleet.ADMIN_EMAIL, "password", fleet.adminPassword()))
                .post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
        viaGateway().auth().oauth2(access).get("/api/auth/me").then().statusCode(200)
                .body("roles", hasItems("admin", "user"));
    }

    @Test
    void badTokensAreRefusedByTheGatewayAndByTheServiceDirectly() {
        for (String token : tokens.attacks(UUID.randomUUID().toString()).values()) {
            viaGateway().auth().oauth2(token).get("/api/auth/me").then().statusCode(401).contentType("application/problem+json");
            RestAssured.given().baseUri(auth).auth().oauth2(token).get("/auth/me").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void badInputGetsProblemJsonAndStoresNothing() throws Exception {
        long before = users();
        viaGateway().contentType(ContentType.JSON).body("{\"email\":").post("/api/auth/register").then()
                .statusCode(400).contentType("application/problem+json");
        viaGateway().contentType(ContentType.JSON).body("{}").post("/api/auth/register").then()
                .statusCode(400).body("errors.field", hasItems("email", "password", "name"));
        viaGateway().contentType(ContentType.TEXT).body("hello").post("/api/auth/register").then()
                .statusCode(415).contentType("application/problem+json");
        viaGateway().contentType(ContentType.JSON).body("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .post("/api/auth/register").then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, users());
    }

    private String loginAs(String email) {
        viaGateway().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD, "name", "Trader"))
                .post("/api/auth/register").then().statusCode(201);
        return viaGateway().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    @Test
    void credentialsThroughTheGatewayAndKeyMaterialOnlyForTheConnector() {
        String alice = loginAs("alice-" + UUID.randomUUID() + "@example.com");
        String bob = loginAs("bob-" + UUID.randomUUID() + "@example.com");
        Map<String, Object> key = Map.of("exchange", "bitget", "environment", "testnet", "label", "main",
                "apiKey", "bg_e2e_api_key_0001", "secretKey", "bg_e2e_secret_0001", "passphrase", "bg_e2e_pass");
        String id = viaGateway().auth().oauth2(alice).contentType(ContentType.JSON).body(key)
                .post("/api/credentials").then().statusCode(201).body("apiKey", equalTo("****0001")).extract().path("id");
        viaGateway().auth().oauth2(alice).get("/api/credentials").then().statusCode(200).body("id", hasItems(id))
                .body("[0].secretKey", equalTo(null));
        viaGateway().auth().oauth2(bob).get("/api/credentials/" + id).then().statusCode(404);

        // the connector, with a service token auth-service issued to it, reads the material directly
        String credentials = fleet.settings().url("credentials-service");
        String connector = RestAssured.given().baseUri(auth).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "exchange-connector")
                .formParam("client_secret", fleet.clientSecret("exchange-connector"))
                .post("/auth/token").then().statusCode(200).extract().path("access_token");
        RestAssured.given().baseUri(credentials).auth().oauth2(connector).get("/internal/credentials/" + id + "/secret")
                .then().statusCode(200).body("secretKey", equalTo("bg_e2e_secret_0001")).body("passphrase", equalTo("bg_e2e_pass"));
        RestAssured.given().baseUri(credentials).auth().oauth2(alice).get("/internal/credentials/" + id + "/secret")
                .then().statusCode(403);
        // and nothing internal is reachable through the gateway
        viaGateway().auth().oauth2(alice).get("/api/internal/credentials/" + id + "/secret").then().statusCode(404);
    }

    @Test
    void anOrderPlacedThroughTheGatewayTradesOnThePaperExchangeAndShowsFilledToItsOwnerOnly() throws Exception {
        String erin = loginAs("erin-" + UUID.randomUUID() + "@example.com");
        String paper = viaGateway().auth().oauth2(erin).contentType(ContentType.JSON)
                .body(Map.of("balances", Map.of("USDT", "20000"))).post("/api/connector/paper-accounts")
                .then().statusCode(201).extract().path("id");
        awaitCredentialStatus(erin, paper, "valid");

        String id = viaGateway().auth().oauth2(erin).contentType(ContentType.JSON)
                .body(Map.of("exchange", "BINANCE", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "sizeUsd", "100"))
                .post("/api/exchanges/place-order").then().statusCode(201).body("status", equalTo("Success"))
                .body("data.status", equalTo("SUBMITTED")).extract().path("data.orderId");
        io.restassured.path.json.JsonPath filled = awaitOrderStatus(erin, id, "FILLED");
        BigDecimal quantity = new BigDecimal(filled.getString("data.quantity"));
        assertEquals(0, quantity.compareTo(new BigDecimal(filled.getString("data.executedQuantity"))), "filled whole");
        assertTrue(quantity.multiply(new BigDecimal(filled.getString("data.averagePrice"))).compareTo(new BigDecimal("100")) <= 0,
                "no more than the 100 USDT asked for, at the price it traded");
        assertFalse(filled.getList("data.fills").isEmpty(), "with its fills");
        assertTrue(filled.getString("data.clientOrderId") != null && filled.getString("data.exchangeOrderId") != null,
                "the venue's ids, learnt from the connector");

        String frank = loginAs("frank-" + UUID.randomUUID() + "@example.com");
        viaGateway().auth().oauth2(frank).get("/api/exchanges/orders/" + id).then().statusCode(404);
        viaGateway().auth().oauth2(frank).delete("/api/exchanges/cancel-order?orderId=" + id).then().statusCode(404);
        viaGateway().auth().oauth2(erin).contentType(ContentType.JSON)
                .body(Map.of("exchange", "BINANCE", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "sizeUsd", "1"))
                .post("/api/exchanges/place-order").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.matchesPattern("Order value [0-9.]+ USDT is below the minimum [0-9.]+ USDT"));
    }

    @Test
    void aPaperKeyIsTestedByTheConnectorAndAnIntentTradesOnThePaperExchange() throws Exception {
        String carol = loginAs("carol-" + UUID.randomUUID() + "@example.com");
        UUID carolId = UUID.fromString(viaGateway().auth().oauth2(carol).get("/api/auth/me").then().statusCode(200).extract().path("id"));
        // a paper account opened for her by the connector: she never sees the paper exchange's admin key
        String good = viaGateway().auth().oauth2(carol).contentType(ContentType.JSON)
                .body(Map.of("balances", Map.of("USDT", "50000"))).post("/api/connector/paper-accounts")
                .then().statusCode(201).body("exchange", equalTo("binance")).body("environment", equalTo("paper"))
                .body("label", equalTo("paper")).body("secretKey", equalTo(null)).extract().path("id");
        String bad = viaGateway().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("exchange", "binance",
                        "environment", "paper", "label", "wrong", "apiKey", "pkE2eNotAKey0001", "secretKey", "not-the-secret-0000"))
                .post("/api/credentials").then().statusCode(201).extract().path("id");

        // the connector hears of the new keys, tests each with a signed read and stores the verdict
        awaitCredentialStatus(carol, good, "valid");
        awaitCredentialStatus(carol, bad, "invalid");
        viaGateway().auth().oauth2(carol).get("/api/credentials/" + bad).then().body("statusReason", containsString("-2015"));

        PlaceOrder buy = new PlaceOrder(UUID.randomUUID(), UUID.fromString(good), carolId, "order-service", "BTCUSDT",
                OrderSide.BUY, OrderKind.MARKET, null, new BigDecimal("0.001"), null, null, null);
        String bootstrap = "127.0.0.1:" + fleet.settings().kafkaPort();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            producer.send(new ProducerRecord<>(Topics.TRADING_INTENTS, good,
                    EventCodec.encode(TradingIntents.toEvent(URI.create("/e2e"), buy)))).get();
            consumer.subscribe(List.of(Topics.TRADING_ORDER_UPDATES, Topics.TRADING_FILLS));
            OrderUpdate filled = null;
            BigDecimal filledQuantity = BigDecimal.ZERO;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((filled == null || filledQuantity.compareTo(filled.executedQuantity()) < 0) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope event = EventCodec.decode(record.value());
                    if (event.type().equals(OrderUpdate.TYPE)) {
                        OrderUpdate update = EventCodec.payload(event, OrderUpdate.class);
                        if (update.intentId().equals(buy.intentId()) && update.status() == OrderStatus.FILLED) {
                            filled = update;
                        }
                    } else if (event.type().equals(Fill.TYPE)) {
                        Fill fill = EventCodec.payload(event, Fill.class);
                        if (fill.intentId().equals(buy.intentId())) {
                            filledQuantity = filledQuantity.add(fill.quantity());
                        }
                    }
                }
            }
            assertTrue(filled != null, "the order was reported filled");
            assertEquals(0, new BigDecimal("0.001").compareTo(filled.executedQuantity()));
            assertEquals(0, filled.executedQuantity().compareTo(filledQuantity), "its fills add up to what was executed");
        }
        // what the web app reads through the gateway: markets, and the account's balances, to its owner only
        viaGateway().auth().oauth2(carol).get("/api/connector/markets/binance/paper/symbols/BTCUSDT/ticker").then().statusCode(200)
                .body("symbol", equalTo("BTCUSDT"));
        viaGateway().auth().oauth2(carol).get("/api/connector/credentials/" + good + "/balances").then().statusCode(200)
                .body("asset", hasItems("BTC", "USDT"));
        String dave = loginAs("dave-" + UUID.randomUUID() + "@example.com");
        viaGateway().auth().oauth2(dave).get("/api/connector/credentials/" + good + "/balances").then().statusCode(404);
    }

    @Test
    void twoConnectorInstancesShareTheAccountsAndTheOneLeftCarriesOnAlone() throws Exception {
        String erin = loginAs("erin-" + UUID.randomUUID() + "@example.com");
        UUID erinId = UUID.fromString(viaGateway().auth().oauth2(erin).get("/api/auth/me").then().statusCode(200).extract().path("id"));
        List<UUID> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = viaGateway().auth().oauth2(erin).contentType(ContentType.JSON)
                    .body(Map.of("balances", Map.of("USDT", "1000"), "label", "account " + i)).post("/api/connector/paper-accounts")
                    .then().statusCode(201).extract().path("id");
            accounts.add(UUID.fromString(id));
        }
        String bootstrap = "127.0.0.1:" + fleet.settings().kafkaPort();
        Process replica = fleet.startReplica("exchange-connector-service");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sharedBy(admin) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(2, sharedBy(admin), "both instances hold partitions of the intents");

            assertEachFilledOnce(bootstrap, placeOneEach(bootstrap, accounts, erinId));

            replica.destroy();
            assertTrue(replica.waitFor(30, TimeUnit.SECONDS));
            assertEachFilledOnce(bootstrap, placeOneEach(bootstrap, accounts, erinId));
            assertEquals(1, sharedBy(admin), "the one left holds every partition");
        }
    }

    /**
     * One of two connector instances is killed outright (SIGKILL) while a burst of intents is in flight, at whatever
     * point of it it then is (receipt, order row, request sent, answer read): the one left takes its accounts over,
     * and every intent is filled and reported once, and no account bought more than it was told to.
     */
    @Test
    void aConnectorKilledMidBurstLosesNothingAndPlacesNothingTwice() throws Exception {
        String gil = loginAs("gil-" + UUID.randomUUID() + "@example.com");
        UUID gilId = UUID.fromString(viaGateway().auth().oauth2(gil).get("/api/auth/me").then().statusCode(200).extract().path("id"));
        String bootstrap = "127.0.0.1:" + fleet.settings().kafkaPort();
        Process replica = fleet.startReplica("exchange-connector-service");
        List<UUID> accounts = new java.util.ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sharedBy(admin) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(2, sharedBy(admin), "both instances hold partitions of the intents");
            java.util.Set<Integer> replicas = partitionsOf(admin, replica.pid());
            int partitions = admin.describeTopics(List.of(Topics.TRADING_INTENTS)).allTopicNames().get().get(Topics.TRADING_INTENTS)
                    .partitions().size();
            // accounts on both instances: some that the killed one was working on, some it was not
            int onTheReplica = 0;
            while ((onTheReplica == 0 || onTheReplica == accounts.size() || accounts.size() < 4) && accounts.size() < 16) {
                String id = viaGateway().auth().oauth2(gil).contentType(ContentType.JSON)
                        .body(Map.of("balances", Map.of("USDT", "1000"), "label", "burst " + accounts.size())).post("/api/connector/paper-accounts")
                        .then().statusCode(201).extract().path("id");
                accounts.add(UUID.fromString(id));
                if (replicas.contains(Utils.toPositive(Utils.murmur2(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions)) {
                    onTheReplica++;
                }
            }
            assertTrue(onTheReplica > 0 && onTheReplica < accounts.size(), "accounts on both instances: " + onTheReplica + " of " + accounts.size());
            List<UUID> intents = new java.util.ArrayList<>();
            Map<UUID, UUID> intentAccounts = new java.util.HashMap<>();
            for (int round = 0; round < 3; round++) {
                List<UUID> placed = placeOneEach(bootstrap, accounts, gilId);
                for (int i = 0; i < placed.size(); i++) {
                    intentAccounts.put(placed.get(i), accounts.get(i));
                }
                intents.addAll(placed);
            }
            replica.destroyForcibly();
            assertTrue(replica.waitFor(30, TimeUnit.SECONDS));

            // a market buy in a burst may find the simulated book empty and expire: either way it ends once
            Map<UUID, List<OrderUpdate>> outcomes = finalOutcomes(bootstrap, intents, Duration.ofSeconds(150));
            String record = connectorRecord(intents);
            assertEquals(intents.size(), outcomes.size(), "every intent ended: " + outcomes + "; the connector's record: " + record);
            assertTrue(outcomes.values().stream().allMatch(ends -> ends.size() == 1), "each ended once: " + outcomes);
            for (UUID account : accounts) {
                BigDecimal bought = intents.stream().filter(intent -> intentAccounts.get(intent).equals(account))
                        .map(intent -> outcomes.get(intent).get(0).executedQuantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
                String btc = viaGateway().auth().oauth2(gil).get("/api/connector/credentials/" + account + "/balances").then().statusCode(200)
                        .extract().path("find { it.asset == 'BTC' }.free");
                BigDecimal held = new BigDecimal(btc == null ? "0" : btc);
                // the 0.1 % fee is rounded down to 8 decimals per trade: a few units of 1e-8 at most, where a second order is 1e-3
                assertTrue(bought.multiply(new BigDecimal("0.999")).subtract(held).abs().compareTo(new BigDecimal("0.00000010")) < 0,
                        "holds what the reported executions bought, less the fee, and not one order more: " + held + " for " + bought);
            }
            assertTrue(outcomes.values().stream().filter(ends -> ends.get(0).status() == OrderStatus.FILLED).count() > intents.size() / 2,
                    "most of the burst filled: " + outcomes);
        }
    }

    @Test
    void aMexcPaperAccountIsTestedAndTradesThroughTheMexcAdapter() throws Exception {
        String frank = loginAs("frank-" + UUID.randomUUID() + "@example.com");
        UUID frankId = UUID.fromString(viaGateway().auth().oauth2(frank).get("/api/auth/me").then().statusCode(200).extract().path("id"));
        String mexc = viaGateway().auth().oauth2(frank).contentType(ContentType.JSON)
                .body(Map.of("venue", "mexc", "balances", Map.of("USDT", "1000"))).post("/api/connector/paper-accounts")
                .then().statusCode(201).body("exchange", equalTo("mexc")).body("environment", equalTo("paper")).extract().path("id");
        awaitCredentialStatus(frank, mexc, "valid");

        String bootstrap = "127.0.0.1:" + fleet.settings().kafkaPort();
        assertEachFilledOnce(bootstrap, placeOneEach(bootstrap, List.of(UUID.fromString(mexc)), frankId));
        viaGateway().auth().oauth2(frank).get("/api/connector/credentials/" + mexc + "/balances").then().statusCode(200)
                .body("asset", hasItems("BTC", "USDT"));
        viaGateway().auth().oauth2(frank).get("/api/connector/markets/mexc/paper/symbols/BTCUSDT/ticker").then().statusCode(200)
                .body("symbol", equalTo("BTCUSDT"));
    }

    /**
     * The final updates (FILLED, EXPIRED, CANCELLED, REJECTED) of each intent seen within {@code within}, and two quiet
     * seconds after the last intent ended; one per event id, as every consumer counts them (the outbox delivers at least
     * once: an instance killed between publishing and marking it published leaves the event to be sent again).
     */
    private static Map<UUID, List<OrderUpdate>> finalOutcomes(String bootstrap, List<UUID> intents, Duration within) {
        java.util.Set<OrderStatus> finals = java.util.Set.of(OrderStatus.FILLED, OrderStatus.EXPIRED, OrderStatus.CANCELLED, OrderStatus.REJECTED);
        Map<UUID, Map<String, OrderUpdate>> outcomes = new java.util.HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRADING_ORDER_UPDATES));
            long deadline = System.nanoTime() + within.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    var event = EventCodec.decode(record.value());
                    OrderUpdate update = EventCodec.payload(event, OrderUpdate.class);
                    if (intents.contains(update.intentId()) && finals.contains(update.status())) {
                        outcomes.computeIfAbsent(update.intentId(), id -> new java.util.LinkedHashMap<>()).put(event.id(), update);
                    }
                }
                if (outcomes.size() == intents.size() && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        Map<UUID, List<OrderUpdate>> distinct = new java.util.HashMap<>();
        outcomes.forEach((intent, byEvent) -> distinct.put(intent, List.copyOf(byEvent.values())));
        return distinct;
    }

    /** What the connector's database says of these intents and their orders: for a failing run's summary. */
    private String connectorRecord(List<UUID> intents) throws Exception {
        StringBuilder record = new StringBuilder();
        try (Connection c = DriverManager.getConnection(fleet.jdbcUrl("connector"), EmbeddedPostgres.USER, fleet.superuserPassword());
             java.sql.PreparedStatement query = c.prepareStatement("SELECT i.intent_id, i.credential_id, i.received_at, i.not_before, i.done_at,"
                     + " o.status, o.client_order_id, o.venue_order_id, o.executed_quantity, o.filled_quantity, o.sent_at, o.updated_at"
                     + " FROM intents i LEFT JOIN orders o ON o.intent_id = i.intent_id WHERE i.intent_id = ANY(?)")) {
            query.setArray(1, c.createArrayOf("uuid", intents.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (!"FILLED".equals(rows.getString("status"))) {
                        record.append('\n');
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            record.append(rows.getMetaData().getColumnName(column)).append('=').append(rows.getString(column)).append(' ');
                        }
                    }
                }
            }
        }
        return record.length() == 0 ? "every one FILLED" : record.toString();
    }

    /** The partitions of the intents held by the connector instance of process {@code pid}. */
    private static java.util.Set<Integer> partitionsOf(Admin admin, long pid) throws Exception {
        return admin.describeConsumerGroups(List.of("connector-intents")).all().get().get("connector-intents").members().stream()
                .filter(member -> member.clientId().endsWith("-" + pid))
                .flatMap(member -> member.assignment().topicPartitions().stream()).map(p -> p.partition())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** How many members of the connector's intents group hold at least one partition. */
    private static long sharedBy(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of("connector-intents")).all().get().get("connector-intents").members().stream()
                .filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
    }

    private static List<UUID> placeOneEach(String bootstrap, List<UUID> accounts, UUID user) throws Exception {
        List<UUID> intents = new java.util.ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (UUID account : accounts) {
                PlaceOrder buy = new PlaceOrder(UUID.randomUUID(), account, user, "order-service", "BTCUSDT", OrderSide.BUY,
                        OrderKind.MARKET, null, new BigDecimal("0.001"), null, null, null);
                producer.send(new ProducerRecord<>(Topics.TRADING_INTENTS, account.toString(),
                        EventCodec.encode(TradingIntents.toEvent(URI.create("/e2e"), buy)))).get();
                intents.add(buy.intentId());
            }
        }
        return intents;
    }

    /** Every intent reported FILLED, and only once, within a minute (and two quiet seconds after). */
    private static void assertEachFilledOnce(String bootstrap, List<UUID> intents) {
        Map<UUID, List<OrderStatus>> outcomes = new java.util.HashMap<>();
        finalOutcomes(bootstrap, intents, Duration.ofSeconds(60))
                .forEach((intent, updates) -> outcomes.put(intent, updates.stream().map(OrderUpdate::status).toList()));
        assertEquals(intents.size(), outcomes.size(), "every intent ended: " + outcomes);
        assertTrue(outcomes.values().stream().allMatch(ends -> ends.equals(List.of(OrderStatus.FILLED))), "each filled, and reported once: " + outcomes);
    }


    private io.restassured.path.json.JsonPath awaitOrderStatus(String token, String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        io.restassured.path.json.JsonPath seen = null;
        while (System.nanoTime() < deadline) {
            seen = viaGateway().auth().oauth2(token).get("/api/exchanges/orders/" + id).then().statusCode(200).extract().jsonPath();
            if (status.equals(seen.getString("data.status"))) {
                return seen;
            }
            Thread.sleep(250);
        }
        assertEquals(status, seen.getString("data.status"), "order " + id + " as order-service shows it: " + seen.prettify());
        return seen;
    }

    private void awaitCredentialStatus(String token, String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = viaGateway().auth().oauth2(token).get("/api/credentials/" + id).then().statusCode(200).extract().path("status");
            if (status.equals(seen)) {
                return;
            }
            Thread.sleep(250);
        }
        assertEquals(status, seen, "credential " + id + " after the connector tested it");
    }

    @Test
    void thePaperExchangeSpeaksBinanceAndItsAdminKeyWorks() {
        String paper = fleet.settings().url("paper-exchange");
        RestAssured.given().baseUri(paper).get("/api/v3/ping").then().statusCode(200);
        RestAssured.given().baseUri(paper).get("/api/v3/exchangeInfo").then().statusCode(200)
                .body("symbols.symbol", hasItems("BTCUSDT", "ETHUSDT"));
        // the simulated market is running: there is liquidity and a last price from the start
        RestAssured.given().baseUri(paper).queryParam("symbol", "BTCUSDT").get("/api/v3/depth").then().statusCode(200)
                .body("bids.size()", org.hamcrest.Matchers.greaterThan(0)).body("asks.size()", org.hamcrest.Matchers.greaterThan(0));
        RestAssured.given().baseUri(paper).header("X-Admin-Key", fleet.paperAdminKey()).contentType(ContentType.JSON)
                .body(Map.of("balances", Map.of("USDT", "1000"))).post("/sim/accounts").then().statusCode(200);
        RestAssured.given().baseUri(paper).header("X-Admin-Key", "guess").contentType(ContentType.JSON)
                .body(Map.of("balances", Map.of("USDT", "1000"))).post("/sim/accounts").then().statusCode(401);
    }

    @Test
    void eachServiceConnectsAsItsOwnRoleThatReachesNoOtherDatabase() throws Exception {
        ServiceSpec auth = ServiceSpec.ALL.stream().filter(s -> s.name().equals("auth-service")).findFirst().orElseThrow();
        ServiceSpec credentials = ServiceSpec.ALL.stream().filter(s -> s.name().equals("credentials-service")).findFirst().orElseThrow();
        try (Connection own = DriverManager.getConnection(fleet.jdbcUrl("auth"), auth.databaseRole(), fleet.databasePassword(auth));
             ResultSet rs = own.createStatement().executeQuery("SELECT count(*) FROM users")) {
            assertTrue(rs.next(), "auth-service's role reads its own tables");
        }
        java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> DriverManager.getConnection(fleet.jdbcUrl("auth"), credentials.databaseRole(), fleet.databasePassword(credentials)).close());
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> DriverManager.getConnection(fleet.jdbcUrl("auth"), EmbeddedPostgres.USER, "not the password").close(),
                "passwords are checked: the superuser too");
        org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> DriverManager.getConnection(fleet.jdbcUrl("auth"), auth.databaseRole(), "").close());
    }

    @Test
    void everyServiceServesHealthMetricsAndOpenApiOnItsManagementPortOnly() {
        for (String service : fleet.running()) {
            String management = fleet.settings().managementUrl(service);
            RestAssured.given().baseUri(management).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            RestAssured.given().baseUri(management).get("/q/metrics").then().statusCode(200);
            String api = fleet.settings().url(service);
            RestAssured.given().baseUri(api).get("/q/metrics").then().statusCode(404);
            RestAssured.given().baseUri(api).get("/q/health/ready").then().statusCode(404);
        }
        RestAssured.given().baseUri(fleet.settings().managementUrl("auth-service")).get("/q/openapi").then().statusCode(200);
    }

    @Test
    void encodedTraversalThroughTheGatewayReachesNoManagementOrInternalEndpoint() {
        for (String path : List.of("/api/auth/%2e%2e/q/metrics", "/api/auth/%2e%2e/q/openapi", "/api/credentials/%2e%2e/q/metrics",
                "/api/credentials/%2e%2e/internal/credentials/lookup", "/api/auth/..%2f..%2fq/metrics", "/api/auth/%252e%252e/q/metrics",
                "/api/auth/..;/q/metrics", "/api/auth/token")) {
            int status = viaGateway().urlEncodingEnabled(false).get(path).then().extract().statusCode();
            assertTrue(status == 400 || status == 404, path + " answered " + status);
        }
    }

    @Test
    void badJsonFromAnonymousClientsIsRefusedAndNeverTakesLoginDown() {
        String email = "breaker-" + UUID.randomUUID() + "@example.com";
        viaGateway().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD, "name", "Breaker"))
                .post("/api/auth/register").then().statusCode(201);
        // what took every login down: 500s from auth-service opened the gateway's breaker for everyone
        List<String> attacks = List.of(
                "{\"email\":\"a@b.c\",\"email\":\"d@e.f\",\"password\":\"" + PASSWORD + "\",\"name\":\"x\"}",
                "{\"email\":\"a\\u0000@b.c\",\"password\":\"" + PASSWORD + "\",\"name\":\"x\"}",
                "{\"email\":\"a@b.c\",\"password\":\"" + PASSWORD + "\",\"name\":\"x\"} trailing",
                "{\"email\":42,\"password\":\"" + PASSWORD + "\",\"name\":\"x\"}",
                "{\"email\":\"a@b.c\",\"password\":\"" + PASSWORD + "\",\"name\":\"\u202egnp.exe\"}");
        for (int round = 0; round < 10; round++) {
            for (String body : attacks) {
                viaGateway().contentType(ContentType.JSON).body(body).post("/api/auth/register").then().statusCode(400)
                        .contentType("application/problem+json");
            }
            for (String body : attacks.subList(0, 4)) {
                viaGateway().contentType(ContentType.JSON).body(body).post("/api/auth/login").then().statusCode(400);
            }
        }
        viaGateway().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200);
    }
}
