package dev.tradefleet.connector.venue.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.Balance;
import dev.tradefleet.connector.venue.ClockRefusal;
import dev.tradefleet.connector.venue.LocalVenue;
import dev.tradefleet.connector.venue.LocalVenue.Answer;
import dev.tradefleet.connector.venue.MarketData;
import dev.tradefleet.connector.venue.OrderNotFound;
import dev.tradefleet.connector.venue.VenueAdapter;
import dev.tradefleet.connector.venue.VenueBusy;
import dev.tradefleet.connector.venue.VenueClient;
import dev.tradefleet.connector.venue.VenueOrder;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.connector.venue.VenueWallet;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.PlaceOrder;
import dev.tradefleet.contracts.trading.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import static dev.tradefleet.connector.venue.Stages.await;
import static dev.tradefleet.connector.venue.Stages.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Gate.io adapter against a local server at {@code /api/v4} that checks each request as Gate.io does (key,
 * timestamp within 60 s, and the hex HMAC-SHA512 of method, full path, query, the body's SHA-512 and the timestamp,
 * recomputed here) and answers with the bodies of Gate.io's v4 documentation.
 */
class GateioClientTest {

    private static final String KEY = "gt_6f1c3a9e0b7d4c2a8e5f1b3d7c9a0e2f";
    private static final String SECRET = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAIRS = """
            [{"id":"BTC_USDT","base":"BTC","quote":"USDT","fee":"0.2","min_base_amount":"0.00001","min_quote_amount":"3",
              "max_base_amount":null,"max_quote_amount":"5000000","amount_precision":6,"precision":1,"trade_status":"tradable",
              "sell_start":1516378650,"buy_start":1516378650},
             {"id":"ETH_USDT","base":"ETH","quote":"USDT","fee":"0.2","min_base_amount":"0.001","min_quote_amount":"1.0",
              "max_base_amount":"10000","max_quote_amount":"10000000","amount_precision":3,"precision":6,"trade_status":"sellable",
              "sell_start":1516378650,"buy_start":1516378650}]""";

    private record Seen(String method, String path, String query, String body, boolean signed) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private volatile Function<Seen, Answer> answers = s -> new Answer(200, "[]");
    private volatile Answer pairs = new Answer(200, PAIRS);
    private final LocalVenue server = new LocalVenue(this::serve);
    /** Gate.io's limits, but wallet calls not held to one per 3 s: the test makes several in a row. */
    private final VenueLimiter limiter = new VenueLimiter("gateio-test", GateioAdapter.INSTANCE.rateLimits().stream()
            .map(limit -> limit.name().equals("WALLET_3S") ? new RateLimit(limit.name(), limit.scope(), limit.counts(), 100, limit.window()) : limit)
            .toList());
    private final VenueClient client;
    private final MarketData market;

    GateioClientTest() {
        VenueAdapter.Wiring wiring = new VenueAdapter.Wiring(server.url("/api/v4"), null, null, limiter, HttpClient.newHttpClient(), Clock.systemUTC(),
                Duration.ofSeconds(2), null, Duration.ofSeconds(2));
        client = GateioAdapter.INSTANCE.client(wiring, "acct-1", KEY, SECRET, null);
        market = GateioAdapter.INSTANCE.marketData(wiring);
    }

    @AfterEach
    void stop() {
        server.close();
        limiter.close();
    }

    private Answer serve(LocalVenue.Request r) {
        var headers = r.headers();
        String timestamp = headers.getFirst("Timestamp");
        boolean signed = KEY.equals(headers.getFirst("KEY")) && timestamp != null
                && Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000) <= 60
                && hmac(r.method() + "\n" + r.path() + "\n" + URLDecoder.decode(r.query(), StandardCharsets.UTF_8) + "\n" + sha512(r.body()) + "\n"
                        + timestamp).equals(headers.getFirst("SIGN"));
        Seen request = new Seen(r.method(), r.path(), r.query(), r.body(), signed);
        seen.add(request);
        if (r.path().equals("/api/v4/spot/currency_pairs")) {
            return pairs;
        }
        boolean isPublic = Set.of("/api/v4/spot/tickers", "/api/v4/spot/order_book", "/api/v4/spot/candlesticks", "/api/v4/wallet/currency_chains").contains(r.path());
        return signed || isPublic ? answers.apply(request) : new Answer(401, "{\"label\":\"INVALID_SIGNATURE\",\"message\":\"Signature mismatch\"}");
    }

    private static String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha512(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed requests the server saw, the public list of pairs left out. */
    private Seen nextSigned() {
        Seen next;
        do {
            next = seen.poll();
        } while (next != null && next.path().endsWith("/currency_pairs"));
        return next;
    }

    /** Gate.io's documented order, with the state of the case at hand. */
    private static String order(String id, String text, String status, String finishAs, String amount, String left, String filledAmount,
                                String filledTotal) {
        return """
                {"id":"%s","text":"%s","amend_text":"-","create_time":"1710488334","update_time":"1710488334",
                 "create_time_ms":1710488334073,"update_time_ms":1710488334074,"status":"%s","currency_pair":"BTC_USDT","type":"limit",
                 "account":"spot","side":"buy","amount":"%s","price":"65000","time_in_force":"gtc","iceberg":"0","left":"%s",
                 %s"filled_total":"%s","avg_deal_price":"63469.3","fee":"0.00000022","fee_currency":"BTC","point_fee":"0","gt_fee":"0",
                 "gt_maker_fee":"0","gt_taker_fee":"0","gt_discount":false,"rebated_fee":"0","rebated_fee_currency":"USDT","finish_as":"%s"}"""
                .formatted(id, text, status, amount, left, filledAmount == null ? "" : "\"filled_amount\":\"" + filledAmount + "\",",
                        filledTotal, finishAs);
    }

    private static PlaceOrder order(OrderKind kind, OrderSide side, TimeInForce tif, String quantity, String quote, String price, String symbol) {
        return new PlaceOrder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "order-service", symbol, side, kind, tif,
                quantity == null ? null : new BigDecimal(quantity), quote == null ? null : new BigDecimal(quote),
                price == null ? null : new BigDecimal(price), null);
    }

    @Test
    void aLimitOrderGoesToItsPairSignedOverTheFullPathAndItsStateIsRead() throws Exception {
        answers = s -> new Answer(201, order("1852454420", "t-tfabc", "open", "open", "0.001", "0.001", "0", "0"));
        Instant recorded = Instant.now().minusSeconds(3);
        VenueOrder placed = await(client.place(order(OrderKind.LIMIT, OrderSide.BUY, null, "0.001", null, "65000", "BTCUSDT"), "t-tfabc",
                recorded));
        assertEquals(new VenueOrder("BTCUSDT", "t-tfabc", "1852454420", OrderStatus.ACCEPTED, new BigDecimal("0"), new BigDecimal("0")), placed);

        Seen request = nextSigned();
        assertTrue(request.signed(), "signed as Gate.io checks it, its path with /api/v4");
        assertEquals("POST /api/v4/spot/orders", request.method() + " " + request.path());
        assertEquals("{\"text\":\"t-tfabc\",\"currency_pair\":\"BTC_USDT\",\"type\":\"limit\",\"account\":\"spot\",\"side\":\"buy\","
                + "\"amount\":\"0.001\",\"price\":\"65000\",\"time_in_force\":\"gtc\"}", request.body());

        VenueBusy held = assertInstanceOf(VenueBusy.class, failureOf(client.place(order(OrderKind.LIMIT, OrderSide.BUY, null, "0.001", null,
                "65000", "BTCUSDT"), "t-tfabc", Instant.now().minusSeconds(61))));
        assertEquals(Duration.ZERO, held.retryAfter(), "Gate.io would refuse it: its window is 60 s from the signed timestamp");
        assertNull(nextSigned());
    }

    @Test
    void marketBuysSpendQuotePostOnlyIsPocAndWhatGateCannotDoIsNeverSent() throws Exception {
        answers = s -> new Answer(201, order("2", "t-tfm", "closed", "filled", "25.5", "0", "0.0004", "25.5"));
        VenueOrder bought = await(client.place(order(OrderKind.MARKET, OrderSide.BUY, null, null, "25.5", null, "BTCUSDT"), "t-tfm", Instant.now()));
        assertEquals(OrderStatus.FILLED, bought.status());
        assertEquals(new BigDecimal("0.0004"), bought.executedQuantity(), "filled_amount, not the quote amount spent");
        JsonNode marketBuy = nextSigned().json();
        assertEquals("market", marketBuy.path("type").asText());
        assertEquals("25.5", marketBuy.path("amount").asText());
        assertEquals("ioc", marketBuy.path("time_in_force").asText());
        assertTrue(marketBuy.path("price").isMissingNode());

        answers = s -> new Answer(201, order("3", "t-tfp", "cancelled", "poc", "0.5", "0.5", "0", "0"));
        VenueOrder wouldTake = await(client.place(order(OrderKind.LIMIT_MAKER, OrderSide.BUY, null, "0.5", null, "70000", "BTCUSDT"), "t-tfp",
                Instant.now()));
        assertEquals("poc", nextSigned().json().path("time_in_force").asText());
        assertEquals(OrderStatus.EXPIRED, wouldTake.status(), "a post-only order that would have taken is ended by the venue, not by us");

        PlaceOrder stop = new PlaceOrder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "order-service", "BTCUSDT", OrderSide.SELL,
                OrderKind.STOP_LIMIT, null, BigDecimal.ONE, null, new BigDecimal("50000"), new BigDecimal("50100"));
        for (PlaceOrder impossible : List.of(order(OrderKind.MARKET, OrderSide.BUY, null, "0.5", null, null, "BTCUSDT"),
                order(OrderKind.MARKET, OrderSide.SELL, null, null, "100", null, "BTCUSDT"), stop)) {
            assertEquals("unsupported-order", assertInstanceOf(VenueRejection.class, failureOf(client.place(impossible, "t-x", Instant.now()))).code());
        }
        VenueRejection unknown = assertInstanceOf(VenueRejection.class, failureOf(client.place(order(OrderKind.LIMIT, OrderSide.BUY, null, "1",
                null, "1", "NOPEUSDT"), "t-x", Instant.now())));
        assertEquals("INVALID_CURRENCY_PAIR", unknown.code());
        assertNull(nextSigned(), "nothing signed sent for an order Gate.io cannot take or a pair it does not list");
    }

    @Test
    void anOrderIsFoundByItsTextAndOnceGateNoLongerFindsItSoAmongThePairsFinishedOrders() throws Exception {
        answers = s -> s.path().equals("/api/v4/spot/orders/t-tfopen") ? new Answer(200, order("5", "t-tfopen", "open", "open", "0.002", "0.001",
                null, "65"))
                : s.path().startsWith("/api/v4/spot/orders/") ? new Answer(404, "{\"label\":\"CLIENT_ID_NOT_FOUND\",\"message\":\"Order with client ID "
                + s.path().substring(s.path().lastIndexOf('/') + 1) + " not found\"}")
                : s.query().contains("status=open") ? new Answer(200, "[]")
                : s.query().contains("page=2") ? new Answer(200, "[" + order("7", "t-tfold", "closed", "filled", "0.001", "0", "0.001", "65") + "]")
                : new Answer(200, finishedOrders(100));
        VenueOrder open = await(client.find("BTCUSDT", "t-tfopen"));
        assertEquals(OrderStatus.PARTIALLY_FILLED, open.status());
        assertEquals(new BigDecimal("0.001"), open.executedQuantity(), "amount less left when filled_amount is not given");
        assertEquals("currency_pair=BTC_USDT", nextSigned().query());

        assertEquals(new VenueOrder("BTCUSDT", "t-tfold", "7", OrderStatus.FILLED, new BigDecimal("0.001"), new BigDecimal("65")),
                await(client.find("BTCUSDT", "t-tfold")));
        nextSigned();
        assertEquals("currency_pair=BTC_USDT&limit=100&page=1&status=open", nextSigned().query(), "first among the open orders");
        assertEquals("currency_pair=BTC_USDT&limit=100&page=1&status=finished", nextSigned().query());
        assertEquals("currency_pair=BTC_USDT&limit=100&page=2&status=finished", nextSigned().query());

        assertInstanceOf(OrderNotFound.class, failureOf(client.find("BTCUSDT", "t-tfnever")), "not among the finished orders: never placed");

        answers = s -> s.path().startsWith("/api/v4/spot/orders/") ? new Answer(404, "{\"label\":\"CLIENT_ID_NOT_FOUND\",\"message\":\"no\"}")
                : s.query().contains("status=open") ? new Answer(200, "[" + order("8", "t-tflost", "open", "open", "1", "1", "0", "0") + "]")
                : new Answer(200, finishedOrders(100));
        assertEquals(OrderStatus.ACCEPTED, await(client.find("BTCUSDT", "t-tflost")).status(), "open, though Gate.io did not find it by its text");
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.find("BTCUSDT", "t-tfbusy")),
                "300 finished orders read and more remain: not found there is no proof it was never placed");
    }

    private static String finishedOrders(int count) {
        StringBuilder page = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            page.append(i == 0 ? "" : ",").append(order(String.valueOf(1000 + i), "t-other" + i, "closed", "filled", "1", "0", "1", "1"));
        }
        return page.append("]").toString();
    }

    @Test
    void cancelsAnswerTheOrderAsItIsAfterwardAndCancelAllEveryOpenOneOfThePair() throws Exception {
        answers = s -> s.path().equals("/api/v4/spot/orders/t-tfabc")
                ? new Answer(200, order("9", "t-tfabc", "cancelled", "cancelled", "0.002", "0.0015", "0.0005", "32.5"))
                : new Answer(200, "[" + order("10", "t-tfa", "cancelled", "cancelled", "1", "1", "0", "0").replace("{\"id\"", "{\"succeeded\":true,\"id\"")
                + "," + order("11", "t-tfb", "closed", "filled", "1", "0", "1", "65000").replace("{\"id\"", "{\"succeeded\":false,\"id\"") + "]");
        VenueOrder cancelled = await(client.cancel("BTCUSDT", "t-tfabc"));
        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals(new BigDecimal("0.0005"), cancelled.executedQuantity());
        Seen cancel = nextSigned();
        assertEquals("DELETE /api/v4/spot/orders/t-tfabc?currency_pair=BTC_USDT", cancel.method() + " " + cancel.path() + "?" + cancel.query());

        List<VenueOrder> all = await(client.cancelAll("BTCUSDT"));
        assertEquals(List.of(OrderStatus.CANCELLED, OrderStatus.FILLED), all.stream().map(VenueOrder::status).toList(),
                "the one that filled first is reported filled");
        Seen cancelAll = nextSigned();
        assertEquals("DELETE /api/v4/spot/orders?currency_pair=BTC_USDT", cancelAll.method() + " " + cancelAll.path() + "?" + cancelAll.query());
    }

    @Test
    void openOrdersOfEveryPairAndAnOrdersTradesWithTheirQuoteAmountsAndFees() throws Exception {
        answers = s -> s.path().endsWith("/open_orders") ? new Answer(200, """
                [{"currency_pair":"ETH_BTC","total":1,"orders":[{"id":"12332324","text":"t-123456","create_time":"1548000000",
                  "update_time":"1548000100","currency_pair":"ETH_BTC","status":"open","type":"limit","account":"spot","side":"buy",
                  "amount":"1","price":"5.00032","time_in_force":"gtc","left":"0.5","filled_total":"2.50016","fee":"0.005",
                  "fee_currency":"ETH","point_fee":"0","gt_fee":"0","gt_discount":false,"rebated_fee":"0","rebated_fee_currency":"BTC"}]}]""")
                : new Answer(200, """
                [{"id":"1232893233","create_time":"1548000001","create_time_ms":"1548000001500.25","order_id":"4128442423","side":"buy",
                  "role":"taker","amount":"0.05","price":"0.031","fee":"0.0001","fee_currency":"ETH","point_fee":"0","gt_fee":"0",
                  "sequence_id":"588019","text":"t-test"},
                 {"id":"1232893232","create_time":"1548000000","create_time_ms":"1548000000123.456","order_id":"4128442423","side":"buy",
                  "role":"maker","amount":"0.15","price":"0.03","fee":"0.0005","fee_currency":"ETH","point_fee":"0","gt_fee":"0",
                  "sequence_id":"588018","text":"t-test"}]""");
        assertEquals(List.of(new VenueOrder("ETHBTC", "t-123456", "12332324", OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.5"),
                new BigDecimal("2.50016"))), await(client.openOrders(Set.of("ETHBTC"))));
        assertEquals("limit=100&page=1", nextSigned().query(), "every pair's open orders in one call");

        VenueOrder marketBuy = GateioClient.order(JSON.readTree("""
                {"id":"2","text":"t-tfm","status":"closed","currency_pair":"BTC_USDT","type":"market","side":"buy","amount":"25.5","left":"0",
                 "filled_total":"25.5","avg_deal_price":"63750"}"""));
        assertEquals(new BigDecimal("0.0004"), marketBuy.executedQuantity(), "a market buy's amount is quote: its base is what it bought");
        VenueTrade paidInGt = GateioClient.trade(JSON.readTree("""
                {"id":"9","create_time_ms":"1548000000123.456","order_id":"1","role":"maker","amount":"1","price":"2","fee":"0",
                 "fee_currency":"","point_fee":"0","gt_fee":"0.01"}"""), "ETH_USDT");
        assertEquals(new BigDecimal("0.01"), paidInGt.fee());
        assertEquals("GT", paidInGt.feeAsset());
        assertEquals("USDT", GateioClient.trade(JSON.readTree("""
                {"id":"9","create_time_ms":"1","order_id":"1","role":"maker","amount":"1","price":"2","fee":"0","fee_currency":""}"""),
                "ETH_USDT").feeAsset(), "no fee at all: named in the quote asset");

        List<VenueTrade> trades = await(client.trades("BTCUSDT", "4128442423"));
        assertEquals(new VenueTrade("1232893232", "4128442423", new BigDecimal("0.03"), new BigDecimal("0.15"), new BigDecimal("0.0045"),
                new BigDecimal("0.0005"), "ETH", true, Instant.ofEpochMilli(1548000000123L)), trades.get(0), "oldest first; quote is price times amount");
        assertTrue(!trades.get(1).maker());
        String query = nextSigned().query();
        assertTrue(query.startsWith("currency_pair=BTC_USDT&from=") && query.contains("&limit=1000&order_id=4128442423&page=1&to="), query);
        long from = Long.parseLong(query.replaceAll(".*from=(\\d+).*", "$1"));
        long to = Long.parseLong(query.replaceAll(".*to=(\\d+).*", "$1"));
        assertTrue(to - from < Duration.ofDays(30).toSeconds() && to - from > Duration.ofDays(29).toSeconds(),
                "a month back: unasked, Gate.io answers a week");
    }

    @Test
    void balancesAreAvailableAndLocked() throws Exception {
        answers = s -> new Answer(200, "[{\"currency\":\"ETH\",\"available\":\"968.8\",\"locked\":\"0.2\",\"update_id\":98}]");
        assertEquals(List.of(new Balance("ETH", new BigDecimal("968.8"), new BigDecimal("0.2"))), await(client.balances()));
        assertEquals("/api/v4/spot/accounts", nextSigned().path());
    }

    @Test
    void gatesLabelsAreSortedRejectionClockUnknownAndNotNow() {
        PlaceOrder buy = order(OrderKind.LIMIT, OrderSide.BUY, null, "1", null, "65000", "BTCUSDT");
        answers = s -> new Answer(400, "{\"label\":\"BALANCE_NOT_ENOUGH\",\"message\":\"Not enough balance\"}");
        VenueRejection poor = assertInstanceOf(VenueRejection.class, failureOf(client.place(buy, "t-a", Instant.now())));
        assertEquals("BALANCE_NOT_ENOUGH", poor.code());
        assertEquals("Not enough balance", poor.getMessage());
        answers = s -> new Answer(401, "{\"label\":\"INVALID_KEY\",\"message\":\"Invalid key provided\"}");
        assertEquals("INVALID_KEY", assertInstanceOf(VenueRejection.class, failureOf(client.balances())).code());
        answers = s -> new Answer(403, "{\"label\":\"REQUEST_EXPIRED\",\"message\":\"gap between request Timestamp and server time exceeds 60\"}");
        assertInstanceOf(ClockRefusal.class, failureOf(client.balances()));
        answers = s -> new Answer(400, "{\"label\":\"TOO_BUSY\",\"message\":\"Server is too busy at the moment\"}");
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.place(buy, "t-a", Instant.now())), "the order may exist");
        answers = s -> new Answer(500, "{\"label\":\"INTERNAL\",\"message\":\"Internal server error\"}");
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.place(buy, "t-a", Instant.now())));
        answers = s -> new Answer(429, "{\"label\":\"TOO_MANY_REQUESTS\",\"message\":\"Request Rate Limit Exceeded (003)\"}");
        assertEquals(Duration.ofSeconds(1), assertInstanceOf(VenueBusy.class, failureOf(client.balances())).retryAfter());
    }

    @Test
    void marketDataInTheFleetsTermsWithPairsAsSymbols() throws Exception {
        answers = s -> switch (s.path()) {
            case "/api/v4/spot/tickers" -> new Answer(200, """
                    [{"currency_pair":"BTC_USDT","last":"65000.1","lowest_ask":"65000.2","highest_bid":"65000","change_percentage":"-8.91",
                      "change_utc0":"-8.91","change_utc8":"-8.91","base_volume":"656.08","quote_volume":"42645200.5","high_24h":"71000",
                      "low_24h":"64000"}]""");
            case "/api/v4/spot/order_book" -> new Answer(200, """
                    {"id":123456,"current":1623898993123,"update":1623898993121,"asks":[["1.52","1.151"],["1.53","1.218"]],
                     "bids":[["1.17","201.863"],["1.16","725.464"]]}""");
            default -> new Answer(200, """
                    [["1539852480","971519.677","0.0021724","0.0021922","0.0021724","0.0021737","true"],
                     ["1539852540","1000.5","0.0021800","0.0021900","0.0021700","0.0021724","460000","false"]]""");
        };
        List<MarketData.SymbolInfo> symbols = await(market.symbols());
        assertEquals(new MarketData.SymbolInfo("BTCUSDT", "BTC", "USDT", "TRADING", new BigDecimal("0.1"), null, null, new BigDecimal("0.000001"),
                new BigDecimal("0.00001"), null, new BigDecimal("3")), symbols.get(0));
        assertEquals("BREAK", symbols.get(1).status(), "sellable only is not trading");

        MarketData.Ticker ticker = await(market.ticker("BTCUSDT"));
        assertEquals("BTCUSDT", ticker.symbol());
        assertEquals(new BigDecimal("-8.91"), ticker.priceChangePercent());
        assertEquals(new BigDecimal("65000"), ticker.bidPrice());
        assertEquals(List.of(new MarketData.Level(new BigDecimal("1.17"), new BigDecimal("201.863")),
                new MarketData.Level(new BigDecimal("1.16"), new BigDecimal("725.464"))), await(market.book("BTCUSDT", 2)).bids());

        List<MarketData.Candle> candles = await(market.candles("BTCUSDT", "1m", 2));
        assertEquals(new MarketData.Candle(Instant.ofEpochSecond(1539852480), new BigDecimal("0.0021737"), new BigDecimal("0.0021922"),
                new BigDecimal("0.0021724"), new BigDecimal("0.0021724"), null, Instant.ofEpochSecond(1539852540).minusMillis(1),
                new BigDecimal("971519.677")), candles.get(0), "the documented row of seven has no base volume");
        assertEquals(new BigDecimal("460000"), candles.get(1).volume());
        assertTrue(seen.stream().anyMatch(s -> s.query().equals("currency_pair=BTC_USDT&interval=1m&limit=2")));
        assertEquals(1, seen.stream().filter(s -> s.path().endsWith("/currency_pairs")).count(), "the pairs are read once for everyone");
        assertTrue(seen.stream().noneMatch(Seen::signed), "public calls carry no key");
    }

    @Test
    void theWalletCombinesChainsWithTheirFeesReadsAddressesAndRecordsAndWithdrawsUnderTheClientsId() throws Exception {
        answers = s -> switch (s.path()) {
            case "/api/v4/wallet/currency_chains" -> new Answer(200, """
                    [{"chain":"ETH","name_cn":"以太坊ERC20","name_en":"ETH/ERC20","contract_address":"","is_disabled":0,"is_deposit_disabled":0,
                      "is_withdraw_disabled":0},
                     {"chain":"TRX","name_cn":"TRC20","name_en":"TRX/TRC20","contract_address":"","is_disabled":0,"is_deposit_disabled":1,
                      "is_withdraw_disabled":0}]""");
            case "/api/v4/wallet/withdraw_status" -> new Answer(200, """
                    [{"currency":"USDT","name":"Tether","name_cn":"Tether","deposit":"0","withdraw_percent":"0%","withdraw_fix":"1",
                      "withdraw_day_limit":"20000","withdraw_day_limit_remain":"20000","withdraw_amount_mini":"1.5",
                      "withdraw_eachtime_limit":"20000","withdraw_fix_on_chains":{"ETH":"5","TRX":"1"}}]""");
            case "/api/v4/wallet/deposit_address" -> new Answer(200, """
                    {"currency":"USDT","address":"LPXtk1kWHioP62SzfqwKbYE3Z7Wt2ujYEc","multichain_addresses":[
                     {"chain":"TRX","address":"LPXtk1kWHioP62SzfqwKbYE3Z7Wt2ujYEc","payment_id":"","payment_name":"","obtain_failed":0}]}""");
            case "/api/v4/wallet/deposits" -> new Answer(200, """
                    [{"id":"210496","timestamp":"1542000000","withdraw_order_id":"order_123456","currency":"USDT",
                      "address":"1HkxtBAMrA3tP5ENnYY2CZortjZvFDH5Cs","txid":"128988928203223323290","amount":"222.61","memo":"",
                      "status":"DONE","chain":"TRX"}]""");
            case "/api/v4/withdrawals" -> new Answer(200, """
                    {"id":"210496","timestamp":"1542000000","withdraw_order_id":"tfw1","currency":"USDT",
                     "address":"1HkxtBAMrA3tP5ENnYY2CZortjZvFDH5Cs","txid":"","amount":"222.61","memo":"","status":"REQUEST","chain":"TRX"}""");
            default -> new Answer(200, """
                    [[{"id":"w1879219868","currency":"USDT","address":"THISISTESTADDRESSFORGATEPAY","amount":"4.023","fee":"0",
                       "txid":"Internal transaction 260594131","chain":"BSC","timestamp":"1745220149","status":"DONE",
                       "withdraw_order_id":"202504211521368538928","block_number":"1000","fail_reason":"","type":"appbankgp",
                       "timestamp2":"1745220149","memo":""}]]""");
        };
        VenueWallet wallet = client.wallet();
        assertEquals(List.of(new VenueWallet.Network("USDT", "ETH", true, true, new BigDecimal("5"), new BigDecimal("1.5"), new BigDecimal("20000")),
                new VenueWallet.Network("USDT", "TRX", false, true, new BigDecimal("1"), new BigDecimal("1.5"), new BigDecimal("20000"))),
                await(wallet.networks("USDT")), "each chain's own fee");
        assertEquals(new VenueWallet.DepositAddress("USDT", "TRX", "LPXtk1kWHioP62SzfqwKbYE3Z7Wt2ujYEc", null), await(wallet.depositAddress("USDT", "TRX")));
        assertEquals("no-deposit-address", assertInstanceOf(VenueRejection.class, failureOf(wallet.depositAddress("USDT", "ETH"))).code());
        assertEquals(new VenueWallet.Deposit("210496", "USDT", "TRX", new BigDecimal("222.61"), "1HkxtBAMrA3tP5ENnYY2CZortjZvFDH5Cs", null,
                "128988928203223323290", VenueWallet.TransferStatus.COMPLETED, Instant.ofEpochSecond(1542000000)),
                await(wallet.deposits("USDT", Instant.EPOCH)).get(0));
        assertEquals("210496", await(wallet.withdraw("tfw1", "USDT", "TRX", new BigDecimal("222.61"), "1HkxtBAMrA3tP5ENnYY2CZortjZvFDH5Cs", null)));
        VenueWallet.Withdrawal sent = await(wallet.withdrawals("USDT", Instant.EPOCH)).get(0);
        assertEquals(new VenueWallet.Withdrawal("w1879219868", "202504211521368538928", "USDT", "BSC", new BigDecimal("4.023"), new BigDecimal("0"),
                "THISISTESTADDRESSFORGATEPAY", null, "Internal transaction 260594131", VenueWallet.TransferStatus.COMPLETED,
                Instant.ofEpochSecond(1745220149)), sent, "the documented list, nested once more, read the same");
        assertEquals(sent, await(wallet.withdrawal("202504211521368538928", "USDT", Instant.EPOCH)).orElseThrow());
        assertTrue(seen.stream().anyMatch(s -> s.path().equals("/api/v4/wallet/withdrawals") && s.query().contains("withdraw_order_id=202504211521368538928")));

        Seen withdraw = seen.stream().filter(s -> s.path().equals("/api/v4/withdrawals")).findFirst().orElseThrow();
        assertTrue(withdraw.signed());
        assertEquals("{\"withdraw_order_id\":\"tfw1\",\"currency\":\"USDT\",\"address\":\"1HkxtBAMrA3tP5ENnYY2CZortjZvFDH5Cs\","
                + "\"amount\":\"222.61\",\"chain\":\"TRX\"}", withdraw.body());
        String history = seen.stream().filter(s -> s.path().equals("/api/v4/wallet/deposits")).findFirst().orElseThrow().query();
        long from = Long.parseLong(history.replaceAll(".*from=(\\d+).*", "$1"));
        assertTrue(from > Instant.now().minus(Duration.ofDays(30)).getEpochSecond(), "records 30 days back at most");
    }

    @Test
    void withoutGatesListOfPairsNothingIsSentAndTheCallerIsToldToComeBackAndALaterFailureKeepsTheLastList() throws Exception {
        pairs = new Answer(502, "<html>bad gateway</html>");
        assertInstanceOf(VenueBusy.class, failureOf(client.cancel("BTCUSDT", "t-tfabc")), "nothing was sent: not an ambiguous cancel");
        assertNull(nextSigned());

        pairs = new Answer(200, PAIRS);
        answers = s -> new Answer(200, order("9", "t-tfabc", "cancelled", "cancelled", "0.002", "0.002", "0", "0"));
        assertEquals(OrderStatus.CANCELLED, await(client.cancel("BTCUSDT", "t-tfabc")).status());
        pairs = new Answer(500, "{\"label\":\"INTERNAL\",\"message\":\"Internal server error\"}");
        assertEquals(OrderStatus.CANCELLED, await(client.cancel("BTCUSDT", "t-tfabc")).status(), "the list read before still serves");
    }
}
