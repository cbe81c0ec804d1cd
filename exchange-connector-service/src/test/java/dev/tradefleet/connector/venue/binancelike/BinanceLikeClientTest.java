package dev.tradefleet.connector.venue.binancelike;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.Balance;
import dev.tradefleet.connector.venue.ClockRefusal;
import dev.tradefleet.connector.venue.LocalVenue;
import dev.tradefleet.connector.venue.LocalVenue.Answer;
import dev.tradefleet.connector.venue.VenueBusy;
import dev.tradefleet.connector.venue.VenueOrder;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.VenueTrade;
import dev.tradefleet.connector.venue.VenueWallet;
import dev.tradefleet.connector.venue.binance.BinanceDialect;
import dev.tradefleet.connector.venue.binance.BinanceSigner;
import dev.tradefleet.connector.venue.mexc.MexcDialect;
import dev.tradefleet.contracts.trading.TimeInForce;
import dev.tradefleet.contracts.trading.OrderKind;
import dev.tradefleet.contracts.trading.OrderSide;
import dev.tradefleet.contracts.trading.OrderStatus;
import dev.tradefleet.contracts.trading.PlaceOco;
import dev.tradefleet.contracts.trading.PlaceOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.tradefleet.connector.venue.Stages.await;
import static dev.tradefleet.connector.venue.Stages.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Binance-family adapter against a local server that checks each request exactly as the venue would (API
 * key header, timestamp, signature over what was sent) and answers with the venue's documented bodies: Binance
 * throughout, then what MEXC does differently.
 */
class BinanceLikeClientTest {

    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    /** What the server saw: method, path, query, body, and whether the signature held. */
    private record Seen(String method, String path, String query, String body, boolean signed) {
    }

    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private volatile Function<Seen, Answer> answers = s -> new Answer(200, Map.of(), "{}");
    private final LocalVenue server = new LocalVenue(this::serve);
    private final VenueLimiter limiter = new VenueLimiter("binance-test", List.of(
            new RateLimit(BinanceLikeClient.WEIGHT_LIMIT, RateLimit.Scope.VENUE, RateLimit.Counts.WEIGHT, 6000, Duration.ofMinutes(1))));
    private final BinanceLikeClient client;
    private final BinanceLikeClient mexc;
    private volatile String keyHeader = "X-MBX-APIKEY";

    BinanceLikeClientTest() {
        URI base = server.url("");
        client = new BinanceLikeClient(BinanceDialect.INSTANCE, base, KEY, SECRET, "acct-1", limiter, HttpClient.newHttpClient(),
                Clock.systemUTC(), Duration.ofSeconds(2));
        mexc = new BinanceLikeClient(MexcDialect.INSTANCE, base, KEY, SECRET, "acct-1", limiter, HttpClient.newHttpClient(),
                Clock.systemUTC(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.close();
        limiter.close();
    }

    private Answer serve(LocalVenue.Request r) {
        String all = r.query().isEmpty() ? r.body() : r.body().isEmpty() ? r.query() : r.query() + "&" + r.body();
        int at = all.lastIndexOf("&signature=");
        boolean signed = KEY.equals(r.headers().getFirst(keyHeader)) && at > 0
                && all.substring(at + "&signature=".length()).equals(BinanceSigner.signature(SECRET, "", all.substring(0, at)))
                && all.contains("timestamp=") && all.contains("recvWindow=5000");
        Seen request = new Seen(r.method(), r.path(), r.query(), r.body(), signed);
        seen.add(request);
        return signed ? answers.apply(request) : new Answer(400, Map.of(), "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
    }

    private static PlaceOrder limitBuy() {
        return new PlaceOrder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "order-service", "BTCUSDT", OrderSide.BUY,
                OrderKind.LIMIT, null, new BigDecimal("0.00100000"), null, new BigDecimal("60000.10"), null);
    }

    @Test
    void aPlacementIsSignedAsOfWhenItWasRecordedAndNotSentOnceItsReceiveWindowHasPassed() throws Exception {
        answers = s -> new Answer(200, Map.of(), "{\"symbol\":\"BTCUSDT\",\"orderId\":1,\"clientOrderId\":\"tfabc\",\"status\":\"NEW\"}");
        Instant recorded = Instant.now().minusMillis(1200);
        await(client.place(limitBuy(), "tfabc", recorded));
        assertTrue(seen.poll().body().contains("&timestamp=" + recorded.toEpochMilli() + "&"), "the venue refuses it 5 s after that");

        VenueBusy held = assertInstanceOf(VenueBusy.class, failureOf(client.place(limitBuy(), "tfabc", Instant.now().minusSeconds(6))));
        assertEquals(Duration.ZERO, held.retryAfter());
        assertTrue(seen.isEmpty(), "a placement held past its window is never sent");
    }

    @Test
    void aCancelsAnswerNamesTheOrderByItsOriginalClientOrderId() throws Exception {
        answers = s -> new Answer(200, Map.of(), """
                {"symbol":"BTCUSDT","origClientOrderId":"tforiginal","orderId":4,"orderListId":-1,"clientOrderId":"cancelMyOrder1",
                 "price":"2.00000000","origQty":"1.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000",
                 "status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"BUY"}""");
        VenueOrder cancelled = await(client.cancel("BTCUSDT", "tforiginal"));
        assertEquals("tforiginal", cancelled.clientOrderId());
        assertEquals(OrderStatus.CANCELLED, cancelled.status());
    }

    @Test
    void oneAccountOverItsOrderCountWaitsAloneTheVenueIsNotPaused() throws Exception {
        answers = s -> s.path().equals("/api/v3/order")
                ? new Answer(429, Map.of(), "{\"code\":-1015,\"msg\":\"Too many new orders; current limit is 100 orders per TEN_SECONDS.\"}")
                : new Answer(200, Map.of(), "{\"balances\":[]}");
        VenueBusy busy = assertInstanceOf(VenueBusy.class, failureOf(client.place(limitBuy(), "tfabc", Instant.now())));
        assertEquals(Duration.ofSeconds(10), busy.retryAfter());
        assertTrue(!limiter.banned() && limiter.usage().rateLimited() == 0, "the venue-wide limiter was not paused");
        await(client.balances());
    }

    @Test
    void aSellOcoIsPlacedOnOrderListOcoWithTheTakeProfitAboveAndBothLegsRead() throws Exception {
        answers = s -> new Answer(200, Map.of(), """
                {"orderListId":1,"contingencyType":"OCO","listStatusType":"EXEC_STARTED","listOrderStatus":"EXECUTING",
                 "listClientOrderId":"tflist","transactionTime":1,"symbol":"BTCUSDT","orders":[],
                 "orderReports":[
                  {"symbol":"BTCUSDT","orderId":2,"orderListId":1,"clientOrderId":"tfsl","price":"54900.00000000","origQty":"0.01000000",
                   "executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"NEW","type":"STOP_LOSS_LIMIT","side":"SELL"},
                  {"symbol":"BTCUSDT","orderId":3,"orderListId":1,"clientOrderId":"tftp","price":"70000.00000000","origQty":"0.01000000",
                   "executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"NEW","type":"LIMIT_MAKER","side":"SELL"}]}""");
        PlaceOco oco = new PlaceOco(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "order-service", "BTCUSDT", OrderSide.SELL,
                new BigDecimal("0.01"), new BigDecimal("70000"), new BigDecimal("55000"), new BigDecimal("54900"));
        List<VenueOrder> legs = await(client.placeOco(oco, "tflist", "tftp", "tfsl", Instant.now()));

        Seen request = seen.poll();
        assertEquals("POST", request.method());
        assertEquals("/api/v3/orderList/oco", request.path());
        assertTrue(request.body().startsWith("symbol=BTCUSDT&side=SELL&quantity=0.01&listClientOrderId=tflist"
                + "&aboveType=LIMIT_MAKER&abovePrice=70000&aboveClientOrderId=tftp"
                + "&belowType=STOP_LOSS_LIMIT&belowStopPrice=55000&belowPrice=54900&belowTimeInForce=GTC&belowClientOrderId=tfsl"
                + "&newOrderRespType=RESULT&recvWindow=5000&timestamp="), request.body());
        assertEquals(List.of("tfsl", "tftp"), legs.stream().map(VenueOrder::clientOrderId).toList());
        assertEquals(List.of(OrderStatus.ACCEPTED, OrderStatus.ACCEPTED), legs.stream().map(VenueOrder::status).toList());
    }

    @Test
    void aBuyOcoTakesProfitBelowAndMexcRefusesOcoWithoutCallingTheVenue() throws Exception {
        answers = s -> new Answer(200, Map.of(), "{\"orderReports\":[]}");
        PlaceOco oco = new PlaceOco(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "order-service", "BTCUSDT", OrderSide.BUY,
                new BigDecimal("0.01"), new BigDecimal("50000"), new BigDecimal("65000"), new BigDecimal("65100"));
        await(client.placeOco(oco, "l", "tp", "sl", Instant.now()));
        String body = seen.poll().body();
        assertTrue(body.contains("&belowType=LIMIT_MAKER&belowPrice=50000&belowClientOrderId=tp&"), body);
        assertTrue(body.contains("&aboveType=STOP_LOSS_LIMIT&aboveStopPrice=65000&abovePrice=65100&aboveTimeInForce=GTC&aboveClientOrderId=sl&"),
                body);

        keyHeader = "X-MEXC-APIKEY";
        VenueRejection refused = assertInstanceOf(VenueRejection.class, failureOf(mexc.placeOco(oco, "l", "tp", "sl", Instant.now())));
        assertEquals("unsupported-order", refused.code());
        assertTrue(seen.isEmpty(), "nothing sent");
    }

    @Test
    void aLimitOrderIsSignedInTheBodyAndItsResultRead() throws Exception {
        answers = s -> new Answer(200, Map.of("X-MBX-USED-WEIGHT-1M", "7"), """
                {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"tfabc","transactTime":1507725176595,
                 "price":"60000.10000000","origQty":"0.00100000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000",
                 "status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY","workingTime":1507725176595,
                 "selfTradePreventionMode":"NONE"}""");
        VenueOrder order = await(client.place(limitBuy(), "tfabc", Instant.now()));
        assertEquals(new VenueOrder("BTCUSDT", "tfabc", "28", OrderStatus.ACCEPTED, BigDecimal.ZERO.setScale(8),
                BigDecimal.ZERO.setScale(8)), order);
        Seen request = seen.poll();
        assertTrue(request.signed(), "signed as Binance checks it");
        assertEquals("POST", request.method());
        assertEquals("/api/v3/order", request.path());
        assertEquals("", request.query(), "a POST carries its parameters in the body");
        assertTrue(request.body().startsWith("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.00100000"
                + "&price=60000.10&newClientOrderId=tfabc&newOrderRespType=RESULT&recvWindow=5000&timestamp="), request.body());
    }

    @Test
    void findAndCancelGoByClientOrderIdInTheQuery() throws Exception {
        answers = s -> new Answer(200, Map.of(), "{\"symbol\":\"BTCUSDT\",\"orderId\":28,\"clientOrderId\":\"tfabc\","
                + "\"executedQty\":\"0.0005\",\"cummulativeQuoteQty\":\"30.00005\",\"status\":\""
                + (s.method().equals("DELETE") ? "CANCELED" : "PARTIALLY_FILLED") + "\"}");
        assertEquals(OrderStatus.PARTIALLY_FILLED, await(client.find("BTCUSDT", "tfabc")).status());
        assertEquals(OrderStatus.CANCELLED, await(client.cancel("BTCUSDT", "tfabc")).status());
        Seen find = seen.poll();
        assertTrue(find.signed() && find.method().equals("GET") && find.query().startsWith("symbol=BTCUSDT&origClientOrderId=tfabc")
                || find.query().startsWith("origClientOrderId=tfabc"), find.toString());
        assertEquals("DELETE", seen.poll().method());
    }

    private static String tradesFrom(long first, int count) {
        StringBuilder page = new StringBuilder("[");
        for (long id = first; id < first + count; id++) {
            page.append(id == first ? "" : ",").append("{\"symbol\":\"BTCUSDT\",\"id\":").append(id).append(",\"orderId\":42,")
                    .append("\"price\":\"100.00\",\"qty\":\"0.01000000\",\"quoteQty\":\"1.00000000\",\"commission\":\"0\",")
                    .append("\"commissionAsset\":\"BTC\",\"time\":1700000000000,\"isBuyer\":true,\"isMaker\":false}");
        }
        return page.append("]").toString();
    }

    @Test
    void anOrdersTradesAreReadAnswerByAnswerFromTheTradeIdAfterTheLastOne() throws Exception {
        answers = s -> s.query().contains("fromId=0&") ? new Answer(200, Map.of(), tradesFrom(0, 1000))
                : s.query().contains("fromId=1000&") ? new Answer(200, Map.of(), tradesFrom(1000, 3))
                : new Answer(400, Map.of(), "{\"code\":-1102,\"msg\":\"unexpected page\"}");
        List<VenueTrade> trades = await(client.trades("BTCUSDT", "42"));
        assertEquals(1003, trades.size());
        assertEquals(1003, trades.stream().map(VenueTrade::tradeId).distinct().count());
        assertTrue(seen.poll().query().startsWith("symbol=BTCUSDT&orderId=42&fromId=0&limit=1000&"));
        assertTrue(seen.poll().query().startsWith("symbol=BTCUSDT&orderId=42&fromId=1000&limit=1000&"));
        assertTrue(seen.isEmpty(), "an answer that is not full is the last");

        // a venue that ignores fromId answers the same page again: read twice, never a third time
        answers = s -> new Answer(200, Map.of(), tradesFrom(0, 1000));
        await(client.trades("BTCUSDT", "42"));
        assertEquals(2, seen.size());
        seen.clear();

        // MEXC has no fromId: its answers are the most recent 100, the next ones read back from the earliest (inclusive)
        keyHeader = "X-MEXC-APIKEY";
        answers = s -> s.query().contains("endTime=") ? new Answer(200, Map.of(), tradesFrom(50, 51)) : new Answer(200, Map.of(), tradesFrom(100, 100));
        assertEquals(150, await(mexc.trades("BTCUSDT", "42")).size(), "ids 50 to 199, the one repeated at the edge once");
        assertTrue(seen.poll().query().startsWith("symbol=BTCUSDT&orderId=42&limit=100&"), "MEXC: no fromId, 100 at most");
        assertTrue(seen.poll().query().startsWith("symbol=BTCUSDT&orderId=42&endTime=1700000000000&limit=100&"));
        assertTrue(seen.isEmpty());
    }

    @Test
    void balancesAreTheFreeAndLockedAmountsOfTheAccount() throws Exception {
        answers = s -> new Answer(200, Map.of(), """
                {"makerCommission":10,"canTrade":true,"accountType":"SPOT","balances":[
                 {"asset":"BTC","free":"4723846.89208129","locked":"0.00000000"},
                 {"asset":"LTC","free":"4763368.68006011","locked":"1.50000000"}]}""");
        assertEquals(List.of(new Balance("BTC", new BigDecimal("4723846.89208129"), new BigDecimal("0.00000000")),
                        new Balance("LTC", new BigDecimal("4763368.68006011"), new BigDecimal("1.50000000"))),
                await(client.balances()));
        assertEquals("/api/v3/account", seen.poll().path());
    }

    @Test
    void binancesErrorBodyIsARejectionWithItsCodeAndMessage() {
        answers = s -> new Answer(400, Map.of(), "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}");
        VenueRejection rejection = assertInstanceOf(VenueRejection.class, failureOf(client.place(limitBuy(), "tfabc", Instant.now())));
        assertEquals("-2010", rejection.code());
        assertEquals("Account has insufficient balance for requested action.", rejection.getMessage());
        assertTrue(!(rejection instanceof ClockRefusal));
    }

    @Test
    void aTimestampOutsideTheWindowIsARefusalOfTheClocksInEachVenuesCode() {
        answers = s -> new Answer(400, Map.of(), "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");
        assertInstanceOf(ClockRefusal.class, failureOf(client.balances()));
        keyHeader = "X-MEXC-APIKEY";
        answers = s -> new Answer(400, Map.of(), "{\"code\":700003,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");
        assertEquals("700003", assertInstanceOf(ClockRefusal.class, failureOf(mexc.balances())).code());
        answers = s -> new Answer(400, Map.of(), "{\"code\":-1021,\"msg\":\"not MEXC's code\"}");
        assertTrue(!(failureOf(mexc.balances()) instanceof ClockRefusal), "each venue's own code only");
    }

    @Test
    void aServerErrorOrATimeoutIsAmbiguousNeverARejection() {
        answers = s -> new Answer(503, Map.of(), "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request.\"}");
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.place(limitBuy(), "tfabc", Instant.now())));
        answers = s -> new Answer(400, Map.of(), "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. "
                + "Send status unknown; execution status unknown.\"}");
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.place(limitBuy(), "tfabc", Instant.now())), "Binance's own 'unknown'");
        answers = s -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(200, Map.of(), "{}");
        };
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.place(limitBuy(), "tfabc", Instant.now())));
    }

    @Test
    void a429PausesEveryCallerForItsRetryAfterAndA418IsABan() throws Exception {
        answers = s -> new Answer(429, Map.of("Retry-After", "1"), "{\"code\":-1003,\"msg\":\"Too much request weight used.\"}");
        VenueBusy busy = assertInstanceOf(VenueBusy.class, failureOf(client.balances()));
        assertEquals(Duration.ofSeconds(1), busy.retryAfter());
        answers = s -> new Answer(200, Map.of(), "{\"balances\":[]}");
        long started = System.nanoTime();
        await(client.balances());
        assertTrue(System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(500), "the next call waited for the pause");

        answers = s -> new Answer(418, Map.of("Retry-After", "2"), "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned.\"}");
        assertInstanceOf(VenueBusy.class, failureOf(client.balances()));
        assertTrue(limiter.banned());
    }

    @Test
    void mexcSignsWithItsOwnHeaderAndHasNoStopOrders() throws Exception {
        keyHeader = "X-MEXC-APIKEY";
        answers = s -> new Answer(200, Map.of(), "{\"symbol\":\"BTCUSDT\",\"orderId\":\"C02__443776347957968896\","
                + "\"clientOrderId\":\"tfabc\",\"status\":\"NEW\",\"executedQty\":\"0\",\"cummulativeQuoteQty\":\"0\"}");
        PlaceOrder ioc = new PlaceOrder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "order-service", "BTCUSDT",
                OrderSide.BUY, OrderKind.LIMIT, TimeInForce.IOC, new BigDecimal("1"), null, new BigDecimal("11"), null);
        assertEquals("C02__443776347957968896", await(mexc.place(ioc, "tfabc", Instant.now())).venueOrderId());
        Seen request = seen.poll();
        assertTrue(request.signed(), "signed with X-MEXC-APIKEY");
        // MEXC's clients sign a POST's parameters in the query string, with no body
        assertTrue(request.query().startsWith("symbol=BTCUSDT&side=BUY&type=IMMEDIATE_OR_CANCEL&quantity=1&price=11"
                + "&newClientOrderId=tfabc&recvWindow=5000&timestamp="), request.query());
        assertEquals("", request.body());

        PlaceOrder stop = new PlaceOrder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "order-service", "BTCUSDT",
                OrderSide.SELL, OrderKind.STOP_LIMIT, null, new BigDecimal("1"), null, new BigDecimal("10"), new BigDecimal("10.5"));
        VenueRejection unsupported = assertInstanceOf(VenueRejection.class, failureOf(mexc.place(stop, "tfdef", Instant.now())));
        assertEquals("unsupported-order", unsupported.code());
        assertTrue(seen.isEmpty(), "nothing was sent to the venue");
        assertTrue(!mexc.capabilities().contains(dev.tradefleet.connector.venue.Capability.STOP_LIMIT)
                && !mexc.capabilities().contains(dev.tradefleet.connector.venue.Capability.OCO));
    }

    @Test
    void theUsageHeaderCorrectsTheLimiter() throws Exception {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 55_000) {
            Thread.sleep(60_000 - intoMinute + 100);   // the check below needs a second or two of the same minute
        }
        answers = s -> new Answer(200, Map.of("X-MBX-USED-WEIGHT-1M", "5999"), "{\"balances\":[]}");
        await(client.balances());
        var next = client.balances().toCompletableFuture();
        Thread.sleep(300);
        assertTrue(!next.isDone(), "with the minute's weight spent by the venue's count, the next call waits for the next minute");
    }

    @Test
    void binancesWalletReadsNetworksAddressesAndHistoriesAndWithdrawsUnderTheClientsId() throws Exception {
        answers = s -> switch (s.path()) {
            case "/sapi/v1/capital/config/getall" -> new Answer(200, Map.of(), """
                    [{"coin":"1MBABYDOGE","depositAllEnable":true,"withdrawAllEnable":true,"name":"1MBABYDOGE","free":"34941.1","locked":"0",
                      "networkList":[
                       {"network":"BSC","coin":"1MBABYDOGE","withdrawIntegerMultiple":"0.01","isDefault":false,"depositEnable":true,
                        "withdrawEnable":true,"name":"BNB Smart Chain (BEP20)","withdrawFee":"10","withdrawMin":"20","withdrawMax":"9999999999",
                        "minConfirm":5,"unLockConfirm":0,"sameAddress":false,"withdrawTag":false,"busy":false},
                       {"network":"ETH","coin":"1MBABYDOGE","withdrawIntegerMultiple":"0.01","isDefault":true,"depositEnable":false,
                        "withdrawEnable":true,"name":"Ethereum (ERC20)","withdrawFee":"1511","withdrawMin":"3022","withdrawMax":"9999999999",
                        "minConfirm":6,"unLockConfirm":64,"sameAddress":false,"withdrawTag":false,"busy":false}]},
                     {"coin":"BTC","networkList":[{"network":"BTC","coin":"BTC","withdrawFee":"0.0002","withdrawMin":"0.001"}]}]""");
            case "/sapi/v1/capital/deposit/address" -> new Answer(200, Map.of(), """
                    {"address":"0xcf2fc2d7a1f0ad7f4b8ba4b6e8f2c1e0e3e2d4a1","coin":"BNB","tag":"","url":"https://bscscan.com/address/0xcf2f"}""");
            case "/sapi/v1/capital/deposit/hisrec" -> new Answer(200, Map.of(), """
                    [{"id":"769800519366885376","amount":"0.001","coin":"BNB","network":"BNB","status":1,
                      "address":"bnb136ns6lfw4zs5hg4n85vdthaad7hq5m4gtkgf23","addressTag":"101764890",
                      "txId":"98A3EA560C6B3336D348B6C83F0F95ECE4F1F5919E94BD006E5BF3BF264FACFC","insertTime":1661493146000,
                      "completeTime":1661493146000,"transferType":0,"confirmTimes":"1/1","unlockConfirm":0,"walletType":0,"travelRuleStatus":0},
                     {"id":"769754833590042625","amount":"0.50000000","coin":"IOTA","network":"IOTA","status":0,"address":"SIZ9VLMH","addressTag":"",
                      "txId":"ESBFVQUT","insertTime":1599620082000,"transferType":0,"confirmTimes":"0/1","unlockConfirm":0,"walletType":0}]""");
            case "/sapi/v1/capital/withdraw/apply" -> new Answer(200, Map.of(), "{\"id\":\"7213fea8e94b4a5593d507237e5a555b\"}");
            default -> new Answer(200, Map.of(), """
                    [{"id":"b6ae22b3aa844210a7041aee7589627c","amount":"8.91000000","transactionFee":"0.004","coin":"USDT","status":6,
                      "address":"0x94df8b352de7f46f64b01d3666bf6e936e44ce60","txId":"0xb5ef8c13","applyTime":"2019-10-12 11:12:02",
                      "network":"ETH","transferType":0,"withdrawOrderId":"WITHDRAWtest123","info":"","confirmNo":3,"walletType":1,"txKey":"",
                      "completeTime":"2023-03-23 16:52:41"},
                     {"id":"156ec387f49b41df8724fa744fa82719","amount":"0.00150000","transactionFee":"0.004","coin":"BTC","status":3,
                      "address":"1FZdVHtiBqMrWdjPyRPULCUceZPJ2WLCsB","txId":"","applyTime":"2019-09-24 12:43:45","network":"BTC",
                      "transferType":0,"info":"The address is not valid.","confirmNo":2,"walletType":1,"txKey":""}]""");
        };
        VenueWallet wallet = client.wallet();
        assertEquals(List.of(new VenueWallet.Network("1MBABYDOGE", "BSC", true, true, new BigDecimal("10"), new BigDecimal("20"),
                        new BigDecimal("9999999999")),
                new VenueWallet.Network("1MBABYDOGE", "ETH", false, true, new BigDecimal("1511"), new BigDecimal("3022"), new BigDecimal("9999999999"))),
                await(wallet.networks("1MBABYDOGE")));
        assertEquals(new VenueWallet.DepositAddress("BNB", "BSC", "0xcf2fc2d7a1f0ad7f4b8ba4b6e8f2c1e0e3e2d4a1", null),
                await(wallet.depositAddress("BNB", "BSC")), "an empty tag is no memo");

        Instant since = Instant.now().minus(Duration.ofDays(400));
        List<VenueWallet.Deposit> deposits = await(wallet.deposits("BNB", since));
        assertEquals(new VenueWallet.Deposit("769800519366885376", "BNB", "BNB", new BigDecimal("0.001"), "bnb136ns6lfw4zs5hg4n85vdthaad7hq5m4gtkgf23",
                "101764890", "98A3EA560C6B3336D348B6C83F0F95ECE4F1F5919E94BD006E5BF3BF264FACFC", VenueWallet.TransferStatus.COMPLETED,
                Instant.ofEpochMilli(1661493146000L)), deposits.get(0));
        assertEquals(VenueWallet.TransferStatus.PENDING, deposits.get(1).status());

        assertEquals("7213fea8e94b4a5593d507237e5a555b", await(wallet.withdraw("tfw1", "USDT", "ETH", new BigDecimal("8.91"),
                "0x94df8b352de7f46f64b01d3666bf6e936e44ce60", null)));
        List<VenueWallet.Withdrawal> withdrawals = await(wallet.withdrawals("USDT", since));
        assertEquals(new VenueWallet.Withdrawal("b6ae22b3aa844210a7041aee7589627c", "WITHDRAWtest123", "USDT", "ETH", new BigDecimal("8.91000000"),
                new BigDecimal("0.004"), "0x94df8b352de7f46f64b01d3666bf6e936e44ce60", null, "0xb5ef8c13", VenueWallet.TransferStatus.COMPLETED,
                Instant.parse("2019-10-12T11:12:02Z")), withdrawals.get(0), "Binance's UTC time string read");
        assertEquals(VenueWallet.TransferStatus.FAILED, withdrawals.get(1).status());
        assertEquals(null, withdrawals.get(1).clientId(), "made elsewhere: no client id");
        assertEquals(withdrawals.get(0), await(wallet.withdrawal("WITHDRAWtest123", "USDT", since)).orElseThrow());

        List<Seen> requests = List.copyOf(seen);
        assertTrue(requests.stream().allMatch(Seen::signed), "every wallet call signed");
        assertTrue(requests.get(1).query().startsWith("coin=BNB&network=BSC&recvWindow="), requests.get(1).query());
        String history = requests.get(2).query();
        long start = Long.parseLong(history.replaceAll(".*startTime=(\\d+).*", "$1"));
        assertTrue(start > Instant.now().minus(Duration.ofDays(90)).toEpochMilli(), "no further back than Binance's 90 days");
        Seen withdraw = requests.get(3);
        assertEquals("POST /sapi/v1/capital/withdraw/apply", withdraw.method() + " " + withdraw.path());
        assertTrue(withdraw.body().startsWith("coin=USDT&withdrawOrderId=tfw1&network=ETH&address=0x94df8b352de7f46f64b01d3666bf6e936e44ce60"
                + "&amount=8.91&recvWindow="), withdraw.body());
        String byClientId = requests.get(5).query();
        assertTrue(byClientId.contains("&withdrawOrderId=WITHDRAWtest123&"), byClientId);
        long from = Long.parseLong(byClientId.replaceAll(".*startTime=(\\d+).*", "$1"));
        assertTrue(from > Instant.now().minus(Duration.ofDays(7)).toEpochMilli(), "asked by withdrawOrderId, Binance answers 7 days");
    }

    @Test
    void mexcsWalletNamesTheNetworkNetWorkAndReachesSevenDaysBack() throws Exception {
        keyHeader = "X-MEXC-APIKEY";
        answers = s -> switch (s.path()) {
            case "/api/v3/capital/deposit/address" -> new Answer(200, Map.of(), """
                    [{"coin":"USDT","network":"ERC20","address":"0xaaa","memo":null},
                     {"coin":"USDT","network":"TRC20","address":"TXobiKkdciupZrhdvZyTSSLjE8CmZAufS4","memo":null}]""");
            case "/api/v3/capital/withdraw" -> new Answer(200, Map.of(), "{\"id\":\"7213fea8e94b4a5593d507237e5a555b\"}");
            case "/api/v3/capital/withdraw/history" -> new Answer(200, Map.of(), """
                    [{"id":"bb17a2d452684f00a523c015d512a341","txId":null,"coin":"EOS","network":"EOS","address":"zzqqqqqqqqqq","amount":"10",
                      "transferType":0,"status":7,"transactionFee":"0.1","confirmNo":null,"applyTime":1665300874000,"remark":"","memo":"MX10086",
                      "withdrawOrderId":"tfw2","updateTime":1712134082000}]""");
            default -> new Answer(200, Map.of(), """
                    [{"amount":"50000","coin":"EOS","network":"EOS","status":5,"address":"0x20b7cf77db93d6ef1ab979c49142ec168427fdee",
                      "txId":"01391d1c","insertTime":1659513342000,"unlockConfirm":"10","confirmTimes":"241","memo":"xxyy1122"}]""");
        };
        VenueWallet wallet = mexc.wallet();
        assertEquals("TXobiKkdciupZrhdvZyTSSLjE8CmZAufS4", await(wallet.depositAddress("USDT", "TRC20")).address(), "the network's of the coin's addresses");
        assertEquals("no-deposit-address", assertInstanceOf(VenueRejection.class, failureOf(wallet.depositAddress("USDT", "BEP20"))).code(),
                "never another network's address: what is sent there would be lost");
        await(wallet.withdraw("tfw2", "EOS", "EOS", new BigDecimal("10"), "zzqqqqqqqqqq", "MX10086"));
        VenueWallet.Withdrawal sent = await(wallet.withdrawals("EOS", Instant.EPOCH)).get(0);
        assertEquals(sent, await(wallet.withdrawal("tfw2", "EOS", Instant.EPOCH)).orElseThrow(), "found by the id it was asked under");
        assertTrue(await(wallet.withdrawal("tfw-other", "EOS", Instant.EPOCH)).isEmpty());
        assertEquals(new VenueWallet.Withdrawal("bb17a2d452684f00a523c015d512a341", "tfw2", "EOS", "EOS", new BigDecimal("10"), new BigDecimal("0.1"),
                "zzqqqqqqqqqq", "MX10086", null, VenueWallet.TransferStatus.COMPLETED, Instant.ofEpochMilli(1665300874000L)), sent);
        VenueWallet.Deposit deposit = await(wallet.deposits("EOS", Instant.EPOCH)).get(0);
        assertEquals(VenueWallet.TransferStatus.COMPLETED, deposit.status());
        assertEquals("01391d1c", deposit.id(), "MEXC gives a deposit no id: its transaction's");

        List<Seen> requests = List.copyOf(seen);
        Seen withdraw = requests.get(2);
        assertEquals("POST /api/v3/capital/withdraw", withdraw.method() + " " + withdraw.path());
        assertTrue(withdraw.query().startsWith("coin=EOS&withdrawOrderId=tfw2&netWork=EOS&address=zzqqqqqqqqqq&memo=MX10086&amount=10&"),
                withdraw.query());
        long start = Long.parseLong(requests.get(3).query().replaceAll(".*startTime=(\\d+).*", "$1"));
        assertTrue(start > Instant.now().minus(Duration.ofDays(7)).toEpochMilli(), "MEXC answers 7 days at once");
    }

    @Test
    void openOrdersAreAskedSymbolBySymbolWhileThatWeighsLessThanAskingForEverySymbol() throws Exception {
        answers = s -> new Answer(200, Map.of(), "[]");
        await(client.openOrders(java.util.Set.of("BTCUSDT", "ETHUSDT")));
        assertEquals(List.of("ETHUSDT", "BTCUSDT").stream().sorted().toList(), seen.stream()
                .map(r -> r.query().replaceAll("^symbol=([A-Z]+)&.*", "$1")).sorted().toList(), "two symbols: 6 each, not 80");
        seen.clear();
        java.util.Set<String> many = new java.util.TreeSet<>();
        for (int i = 0; i < 14; i++) {
            many.add("S" + i + "USDT");
        }
        await(client.openOrders(many));
        assertEquals(1, seen.size(), "fourteen symbols: one call for all");
        assertTrue(!seen.peek().query().contains("symbol="));
    }
}
