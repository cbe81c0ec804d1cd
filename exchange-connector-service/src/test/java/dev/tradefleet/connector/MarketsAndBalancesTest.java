package dev.tradefleet.connector;

import dev.tradefleet.testing.EventLog;
import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.market.MarketTicker;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Markets and balances for the web app and the other services, read through the connector from the paper exchange. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(ConnectorTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketsAndBalancesTest {

    private static final String PAPER = "/connector/markets/binance/paper";
    private Trading trading;

    @BeforeAll
    void startTrading() {
        trading = new Trading();
    }

    @AfterAll
    void stopTrading() {
        trading.close();
    }

    private static String userToken(UUID user) {
        return TokenKeysResource.tokens().valid(user.toString(), List.of("user"));
    }

    private static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).get(path).then();
    }

    @Test
    void symbolsTickersBooksAndCandlesWithAmountsAsDecimalStrings() {
        String token = userToken(UUID.randomUUID());
        get(token, PAPER + "/symbols").statusCode(200)
                .body("find { it.symbol == 'BTCUSDT' }.baseAsset", equalTo("BTC"))
                .body("find { it.symbol == 'BTCUSDT' }.tickSize", equalTo("0.01000000"))
                .body("find { it.symbol == 'BTCUSDT' }.stepSize", equalTo("0.00001000"))
                .body("find { it.symbol == 'BTCUSDT' }.minNotional", equalTo("5.00000000"));
        get(token, PAPER + "/symbols/BTCUSDT/ticker").statusCode(200).body("symbol", equalTo("BTCUSDT"))
                .body("lastPrice", not(equalTo(null)));
        get(token, PAPER + "/symbols/BTCUSDT/book?depth=5").statusCode(200)
                .body("bids.size()", lessThanOrEqualTo(5)).body("asks.size()", lessThanOrEqualTo(5))
                .body("asks.price", everyItem(org.hamcrest.Matchers.matchesPattern("[0-9]+\\.[0-9]+")));
        get(token, PAPER + "/symbols/BTCUSDT/candles?interval=1m&limit=10").statusCode(200)
                .body("size()", lessThanOrEqualTo(10));
    }

    @Test
    void badQuestionsAreClearProblemsAndUnknownSymbolsNeverReachTheVenue() {
        String token = userToken(UUID.randomUUID());
        get(token, "/connector/markets/binance/testnet/symbols/NOPEUSDT/ticker").statusCode(404)
                .contentType(startsWith("application/problem+json")).body("detail", equalTo("binance/testnet lists no symbol NOPEUSDT"));
        // the ticker publisher may ask for other symbols meanwhile; none of the venue's requests names this one
        assertTrue(ConnectorTestResource.faultyVenue().forwarded().stream().noneMatch(f -> f.query().contains("NOPEUSDT")));
        get(token, "/connector/markets/kraken/live/symbols").statusCode(404).contentType(startsWith("application/problem+json"));
        get(token, "/connector/markets/mexc/testnet/symbols").statusCode(404);
        for (String bad : List.of("/symbols/btcusdt/ticker", "/symbols/BTC%00USDT/ticker", "/symbols/BTCUSDT/book?depth=7",
                "/symbols/BTCUSDT/book?depth=x", "/symbols/BTCUSDT/candles?interval=2m", "/symbols/BTCUSDT/candles?limit=0",
                "/symbols/BTCUSDT/candles?limit=99999999999")) {
            get(token, PAPER + bad).statusCode(400).contentType(startsWith("application/problem+json"));
        }
        given().get(PAPER + "/symbols").then().statusCode(401);
        given().auth().oauth2("not.a.token").get(PAPER + "/symbols").then().statusCode(401);
    }

    @Test
    void aThousandCallersAskingForOneTickerCostTheVenueOneCall() {
        String token = userToken(UUID.randomUUID());
        String path = "/connector/markets/binance/testnet/symbols/ETHUSDT/ticker";
        get(token, "/connector/markets/binance/testnet/symbols").statusCode(200);
        long before = forwarded("/api/v3/ticker/24hr");
        long started = System.nanoTime();
        List<CompletableFuture<Integer>> callers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            callers.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).get(path).statusCode()));
        }
        callers.forEach(c -> assertEquals(200, c.join()));
        long calls = forwarded("/api/v3/ticker/24hr") - before;
        long seconds = (long) Math.ceil((System.nanoTime() - started) / 1e9);
        // an answer is kept a second: one call per second of the burst at most, whoever asks (the ticker publisher too)
        assertTrue(calls >= 1 && calls <= seconds + 1, "the venue was asked " + calls + " times in " + seconds + " s for 200 callers");
    }

    @Test
    void balancesForTheOwnerAndForServicesOnlyAndSomeoneElsesCredentialIsNotFound() {
        Trading.Account account = trading.newAccount();
        String path = "/connector/credentials/" + account.credentialId() + "/balances";
        get(userToken(account.userId()), path).statusCode(200)
                .body("find { it.asset == 'USDT' }.free", equalTo("100000.00000000"))
                .body("find { it.asset == 'BTC' }.locked", equalTo("0.00000000"));
        get(TokenKeysResource.tokens().service("order-service"), path).statusCode(200).body("asset", hasItem("USDT"));

        String stranger = userToken(UUID.randomUUID());
        ValidatableResponse notYours = get(stranger, path).statusCode(404).contentType(startsWith("application/problem+json"));
        ValidatableResponse missing = get(stranger, "/connector/credentials/" + UUID.randomUUID() + "/balances").statusCode(404);
        String notYoursTitle = notYours.extract().path("title");
        String missingTitle = missing.extract().path("title");
        assertEquals(missingTitle, notYoursTitle, "the same answer: ids cannot be probed");
        get(stranger, "/connector/credentials/not-a-uuid/balances").statusCode(404);
        given().get(path).then().statusCode(401);
        given().auth().oauth2(TokenKeysResource.tokens().expired(account.userId().toString())).get(path).then().statusCode(401);
        get(userToken(account.userId()), path).body("$", not(hasSize(0)));
    }

    @Test
    void symbolsSomeoneWatchesOrTradesHaveTheirTickersPublished() {
        try (EventLog tickers = new EventLog(List.of(Topics.MARKET_TICKERS))) {
            get(userToken(UUID.randomUUID()), PAPER + "/symbols/ETHUSDT/book?depth=5").statusCode(200);
            Trading.Account account = trading.newAccount();
            trading.send(new PlaceOrder(UUID.randomUUID(), account.credentialId(), account.userId(), "order-service", "BNBUSDT",
                    OrderSide.BUY, OrderKind.LIMIT, null, new BigDecimal("10"), null, new BigDecimal("1"), null));

            for (String key : List.of("binance:paper:ETHUSDT", "binance:paper:BNBUSDT")) {
                await().atMost(Trading.WITHIN).until(() -> !tickers.on(Topics.MARKET_TICKERS, e -> key.equals(e.subject())).isEmpty());
                MarketTicker ticker = EventCodec.payload(tickers.on(Topics.MARKET_TICKERS, e -> key.equals(e.subject())).get(0).event(),
                        MarketTicker.class);
                assertEquals(key, ticker.key());
                assertTrue(ticker.bidPrice().compareTo(ticker.askPrice()) < 0 && ticker.lastPrice().signum() > 0, ticker.toString());
            }
            assertTrue(tickers.on(Topics.MARKET_TICKERS, e -> "binance:paper:ETHBTC".equals(e.subject())).isEmpty(),
                    "nobody watches or trades ETHBTC: no tickers for it");
        }
    }

    @Test
    void aWatchedSymbolsTickersComeFromTheVenuesMarketStreamRatherThanAskingEverySecond() {
        try (EventLog tickers = new EventLog(List.of(Topics.MARKET_TICKERS))) {
            get(userToken(UUID.randomUUID()), "/connector/markets/binance/testnet/symbols/SOLUSDT/ticker").statusCode(200);
            String key = "binance:testnet:SOLUSDT";
            await().atMost(Trading.WITHIN).until(() -> !tickers.on(Topics.MARKET_TICKERS, e -> key.equals(e.subject())).isEmpty());
            // asking, the publisher would read the ticker over REST every second; streamed, its reads stop once the stream has the prices
            AtomicLong reads = new AtomicLong(-1);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                long now = ConnectorTestResource.faultyVenue().forwarded().stream()
                        .filter(f -> f.is("GET", "/api/v3/ticker/24hr") && f.query().contains("SOLUSDT")).count();
                return reads.getAndSet(now) == now;
            });
        }
    }

    private static long forwarded(String path) {
        return ConnectorTestResource.faultyVenue().forwarded().stream().filter(f -> f.is("GET", path)).count();
    }
}
