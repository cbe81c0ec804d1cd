package dev.tradefleet.connector;

import dev.tradefleet.testing.EventLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.connector.venue.binance.BinanceSigner;
import dev.tradefleet.connector.venue.mexc.MexcSigner;
import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TradingIntent;
import dev.tradefleet.contracts.trading.TradingIntents;
import dev.tradefleet.testing.PaperExchangeProcess;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the connector's tests do as its callers: open paper accounts, send intents, watch what comes out. */
final class Trading implements AutoCloseable {

    static final URI ORDER_SERVICE = URI.create("/order-service");
    static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A user with a funded paper account whose key is stored as their credential, on the exchange's {@code venue} face. */
    record Account(UUID credentialId, UUID userId, PaperExchangeProcess.Keys keys, String venue) {
        Account(UUID credentialId, UUID userId, PaperExchangeProcess.Keys keys) {
            this(credentialId, userId, keys, "binance");
        }
    }

    private final EventLog events = new EventLog(List.of(Topics.TRADING_ORDER_UPDATES, Topics.TRADING_FILLS,
            Topics.deadLetterOf(Topics.TRADING_INTENTS)));
    private final FakeCredentialsService credentials = ConnectorTestResource.credentials();
    private final PaperExchangeProcess paper = PaperExchangeProcess.shared();

    EventLog events() {
        return events;
    }

    FakeCredentialsService credentials() {
        return credentials;
    }

    PaperExchangeProcess paper() {
        return paper;
    }

    /** An account on the paper exchange, reached as binance/{@code environment} (paper: directly; testnet: through the faulty venue). */
    Account newAccount(String environment) {
        return newAccount("binance", environment);
    }

    /** An account of the paper exchange's {@code venue} face (binance or mexc), reached as {@code venue/environment}. */
    Account newAccount(String venue, String environment) {
        PaperExchangeProcess.Keys keys = paper.openAccount(venue, Map.of("USDT", "100000", "BTC", "1"));
        Account account = new Account(UUID.randomUUID(), UUID.randomUUID(), keys, venue);
        credentials.put(new FakeCredentialsService.Credential(account.credentialId(), account.userId(), venue, environment, true,
                keys.apiKey(), keys.secretKey()));
        return account;
    }

    Account newAccount() {
        return newAccount("paper");
    }

    static PlaceOrder marketBuy(Account account, String quantity) {
        return new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT", OrderSide.BUY,
                OrderKind.MARKET, null, new BigDecimal(quantity), null, null, null);
    }

    static PlaceOrder limitBuy(Account account, String quantity, String price) {
        return new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BTCUSDT", OrderSide.BUY,
                OrderKind.LIMIT, null, new BigDecimal(quantity), null, new BigDecimal(price), null);
    }

    EventEnvelope send(TradingIntent intent) {
        EventEnvelope event = TradingIntents.toEvent(ORDER_SERVICE, intent);
        events.publish(Topics.TRADING_INTENTS, event);
        return event;
    }

    List<OrderUpdate> updates(UUID intentId) {
        return events.on(Topics.TRADING_ORDER_UPDATES, e -> true).stream().map(s -> EventCodec.payload(s.event(), OrderUpdate.class))
                .filter(u -> u.intentId().equals(intentId)).toList();
    }

    List<OrderStatus> statuses(UUID intentId) {
        return updates(intentId).stream().map(OrderUpdate::status).toList();
    }

    List<Fill> fills(UUID intentId) {
        return events.on(Topics.TRADING_FILLS, e -> true).stream().map(s -> EventCodec.payload(s.event(), Fill.class))
                .filter(f -> f.intentId().equals(intentId)).toList();
    }

    OrderUpdate awaitUpdate(UUID intentId, OrderStatus status) {
        await().atMost(WITHIN).until(() -> updates(intentId).stream().anyMatch(u -> u.status() == status));
        return updates(intentId).stream().filter(u -> u.status() == status).findFirst().orElseThrow();
    }

    /** The simulated market's reference price of {@code symbol}, as the paper exchange's admin API tells it. */
    String referencePrice(String symbol) {
        for (JsonNode market : paper.admin("GET", "/sim/markets", null)) {
            if (market.path("symbol").asText().equals(symbol)) {
                return market.path("referencePrice").asText();
            }
        }
        throw new IllegalStateException("no market " + symbol);
    }

    /** The account's orders as the paper exchange lists them: what was really placed. */
    JsonNode ordersOnTheVenue(Account account) throws Exception {
        String query = "symbol=BTCUSDT&timestamp=" + System.currentTimeMillis();
        String signature = BinanceSigner.signature(account.keys().secretKey(), query, "");
        boolean mexc = account.venue().equals("mexc");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        paper.url().resolve((mexc ? "/mexc" : "") + "/api/v3/allOrders?" + query + "&signature=" + signature))
                .header(mexc ? MexcSigner.API_KEY_HEADER : BinanceSigner.API_KEY_HEADER, account.keys().apiKey()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        events.close();
    }
}
