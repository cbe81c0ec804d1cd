package dev.tradefleet.connector.venue.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.connector.limits.VenueLimiter;
import dev.tradefleet.connector.orders.ClientOrderIds;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.Balance;
import dev.tradefleet.connector.venue.Capability;
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
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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
 * The Bitget adapter against a local server that checks each request as Bitget does (key, passphrase, timestamp,
 * and the Base64 HMAC-SHA256 of timestamp, method, path, query and body, recomputed here) and answers with the
 * bodies of Bitget's v2 spot documentation.
 */
class BitgetClientTest {

    private static final String KEY = "bg_4f2d6a0c9e8b7a6f5e4d3c2b1a0f9e8d";
    private static final String SECRET = "7c1e4b2a9d8f6e5c3b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c";
    private static final String PASSPHRASE = "tradefleet-pass";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the server saw: method, path, query, body, and whether key, passphrase and signature held. */
    private record Seen(String method, String path, String query, String body, boolean signed) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private volatile Function<Seen, Answer> answers = s -> ok("null");
    private final LocalVenue server = new LocalVenue(this::serve);
    private final VenueLimiter limiter = new VenueLimiter("bitget-test", BitgetAdapter.INSTANCE.rateLimits());
    private final VenueClient client;
    private final MarketData market;

    BitgetClientTest() {
        VenueAdapter.Wiring wiring = new VenueAdapter.Wiring(server.url(""), null, null, limiter, HttpClient.newHttpClient(), Clock.systemUTC(),
                Duration.ofSeconds(2), null, Duration.ofSeconds(2));
        client = BitgetAdapter.INSTANCE.client(wiring, "acct-1", KEY, SECRET, PASSPHRASE);
        market = BitgetAdapter.INSTANCE.marketData(wiring);
    }

    @AfterEach
    void stop() {
        server.close();
        limiter.close();
    }

    private Answer serve(LocalVenue.Request r) {
        var headers = r.headers();
        String timestamp = headers.getFirst("ACCESS-TIMESTAMP");
        boolean signed = KEY.equals(headers.getFirst("ACCESS-KEY")) && PASSPHRASE.equals(headers.getFirst("ACCESS-PASSPHRASE"))
                && timestamp != null && Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis()) < 30_000
                && "application/json".equals(headers.getFirst("Content-Type"))
                && hmac(timestamp + r.method() + r.path() + (r.query().isEmpty() ? "" : "?" + r.query()) + r.body()).equals(headers.getFirst("ACCESS-SIGN"));
        Seen request = new Seen(r.method(), r.path(), r.query(), r.body(), signed);
        seen.add(request);
        boolean isPublic = r.path().startsWith("/api/v2/spot/public/") || r.path().startsWith("/api/v2/spot/market/");
        return signed || isPublic ? answers.apply(request)
                : new Answer(400, "{\"code\":\"40009\",\"msg\":\"sign signature error\",\"requestTime\":1695865232127,\"data\":null}");
    }

    private static String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer ok(String data) {
        return new Answer(200, "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1695808949356,\"data\":" + data + "}");
    }

    private static Answer refused(int status, String code, String message) {
        return new Answer(status, "{\"code\":\"" + code + "\",\"msg\":\"" + message + "\",\"requestTime\":1695808949356,\"data\":null}");
    }

    private static PlaceOrder order(OrderKind kind, OrderSide side, TimeInForce tif, String quantity, String quote, String price) {
        return new PlaceOrder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "order-service", "BTCUSDT", side, kind, tif,
                quantity == null ? null : new BigDecimal(quantity), quote == null ? null : new BigDecimal(quote),
                price == null ? null : new BigDecimal(price), null);
    }

    /** Bitget's documented orderInfo entry, with the status and volumes of the case at hand. */
    private static String orderInfo(String orderId, String clientOid, String status, String baseVolume, String quoteVolume) {
        return """
                {"userId":"**********","symbol":"BTCUSDT","orderId":"%s","clientOid":"%s","price":"60000.1","size":"0.001",
                 "orderType":"limit","side":"buy","status":"%s","priceAvg":"60000.1","baseVolume":"%s","quoteVolume":"%s",
                 "enterPointSource":"API","feeDetail":"{\\"newFees\\":{\\"c\\":0,\\"d\\":0,\\"deduction\\":false,\\"r\\":-0.06,\\"t\\":-0.06,\\"totalDeductionFee\\":0}}",
                 "orderSource":"normal","cancelReason":"","cTime":"1695865232127","uTime":"1695865233051"}"""
                .formatted(orderId, clientOid, status, baseVolume, quoteVolume);
    }

    @Test
    void aLimitOrderIsAJsonBodySignedWithTheWindowItMayArriveIn() throws Exception {
        answers = s -> ok("{\"orderId\":\"1001\",\"clientOid\":\"tfabc\"}");
        Instant recorded = Instant.now().minusMillis(800);
        VenueOrder placed = await(client.place(order(OrderKind.LIMIT, OrderSide.BUY, TimeInForce.GTC, "0.00100000", null, "60000.10"), "tfabc",
                recorded));
        assertEquals(new VenueOrder("BTCUSDT", "tfabc", "1001", OrderStatus.ACCEPTED, BigDecimal.ZERO, BigDecimal.ZERO), placed);

        Seen request = seen.poll();
        assertTrue(request.signed(), "key, passphrase and signature as Bitget checks them");
        assertEquals("POST", request.method());
        assertEquals("/api/v2/spot/trade/place-order", request.path());
        assertEquals("{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"60000.10\","
                + "\"size\":\"0.00100000\",\"clientOid\":\"tfabc\",\"requestTime\":\"" + recorded.toEpochMilli() + "\",\"receiveWindow\":\"5000\"}",
                request.body());

        VenueBusy held = assertInstanceOf(VenueBusy.class, failureOf(client.place(order(OrderKind.LIMIT, OrderSide.BUY, TimeInForce.GTC,
                "0.001", null, "60000"), "tfabc", Instant.now().minusSeconds(6))));
        assertEquals(Duration.ZERO, held.retryAfter());
        assertTrue(seen.isEmpty(), "a placement held past its window is never sent");
    }

    @Test
    void marketBuysSpendAQuoteAmountPostOnlyAndImmediateOrdersAreForcesAndWhatBitgetCannotDoIsNeverSent() throws Exception {
        answers = s -> ok("{\"orderId\":\"1002\",\"clientOid\":\"tfm\"}");
        await(client.place(order(OrderKind.MARKET, OrderSide.BUY, null, null, "25.5", null), "tfm", Instant.now()));
        JsonNode marketBuy = seen.poll().json();
        assertEquals("market", marketBuy.path("orderType").asText());
        assertEquals("25.5", marketBuy.path("size").asText(), "the quote amount to spend");
        assertTrue(marketBuy.path("price").isMissingNode());

        await(client.place(order(OrderKind.MARKET, OrderSide.SELL, null, "0.5", null, null), "tfs", Instant.now()));
        assertEquals("0.5", seen.poll().json().path("size").asText(), "a market sell's size is its base quantity");
        await(client.place(order(OrderKind.LIMIT_MAKER, OrderSide.SELL, null, "0.5", null, "70000"), "tfp", Instant.now()));
        assertEquals("post_only", seen.poll().json().path("force").asText());
        await(client.place(order(OrderKind.LIMIT, OrderSide.SELL, TimeInForce.FOK, "0.5", null, "70000"), "tff", Instant.now()));
        assertEquals("fok", seen.poll().json().path("force").asText());

        for (PlaceOrder impossible : List.of(order(OrderKind.MARKET, OrderSide.BUY, null, "0.5", null, null),
                order(OrderKind.MARKET, OrderSide.SELL, null, null, "100", null))) {
            assertEquals("unsupported-order", assertInstanceOf(VenueRejection.class, failureOf(client.place(impossible, "tfx", Instant.now()))).code());
        }
        assertTrue(seen.isEmpty(), "nothing sent for an order Bitget has no native form of");
        assertTrue(!client.capabilities().contains(Capability.BASE_QUANTITY_MARKET_BUY));
    }

    @Test
    void anOrderIsFoundByClientOrderIdAndOnceItIsNoLongerOpenAmongTheSymbolsRecentOrders() throws Exception {
        answers = s -> s.query().contains("clientOid=tfopen") ? ok("[" + orderInfo("1", "tfopen", "partially_filled", "0.0005", "30.00005") + "]")
                : s.path().endsWith("/orderInfo") ? refused(400, "43001", "The order does not exist")
                : s.query().contains("idLessThan=") ? ok("[" + orderInfo("7", "tfold", "filled", "0.001", "60.0001") + "]")
                : ok(recentOrders(100));
        VenueOrder open = await(client.find("BTCUSDT", "tfopen"));
        assertEquals(OrderStatus.PARTIALLY_FILLED, open.status());
        assertEquals(new BigDecimal("0.0005"), open.executedQuantity());
        assertEquals(new BigDecimal("30.00005"), open.cumulativeQuoteQuantity());
        Seen lookup = seen.poll();
        assertEquals("/api/v2/spot/trade/orderInfo", lookup.path());
        assertEquals("clientOid=tfopen", lookup.query());

        VenueOrder filled = await(client.find("BTCUSDT", "tfold"));
        assertEquals(new VenueOrder("BTCUSDT", "tfold", "7", OrderStatus.FILLED, new BigDecimal("0.001"), new BigDecimal("60.0001")), filled);
        seen.poll();
        assertEquals("limit=100&symbol=BTCUSDT", seen.poll().query(), "the symbol's most recent orders, the query in key order");
        assertEquals("idLessThan=101&limit=100&symbol=BTCUSDT", seen.poll().query(), "then the ones before the oldest read");

        assertInstanceOf(OrderNotFound.class, failureOf(client.find("BTCUSDT", "tfnever")), "not among the recent orders: never placed");

        answers = s -> s.path().endsWith("/orderInfo") ? refused(400, "43001", "The order does not exist") : ok(recentOrders(100));
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.find("BTCUSDT", "tfbusy")),
                "300 recent orders read and more remain: not found there is no proof it was never placed");
    }

    private static String recentOrders(int count) {
        StringBuilder page = new StringBuilder("[");
        for (int id = 200; id > 200 - count; id--) {
            page.append(id == 200 ? "" : ",").append(orderInfo(String.valueOf(id), "other" + id, "filled", "1", "1"));
        }
        return page.append("]").toString();
    }

    @Test
    void aCancelAnswersOnlyIdsSoTheOrderIsAskedForAfterIt() throws Exception {
        answers = s -> s.path().endsWith("/cancel-order") ? ok("{\"orderId\":\"121211212122\",\"clientOid\":\"tfabc\"}")
                : ok("[" + orderInfo("121211212122", "tfabc", "cancelled", "0.0002", "12.00002") + "]");
        VenueOrder cancelled = await(client.cancel("BTCUSDT", "tfabc"));
        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals(new BigDecimal("0.0002"), cancelled.executedQuantity(), "what filled before the cancel is in the answer");
        Seen cancel = seen.poll();
        assertEquals("{\"symbol\":\"BTCUSDT\",\"clientOid\":\"tfabc\"}", cancel.body());
        assertEquals("orderId=121211212122", seen.poll().query());
    }

    private static final String PLAN_ID = ClientOrderIds.ofTrigger(UUID.fromString("5f0c7a2e-3b1d-4c8e-9a6f-2d4b8e1c7a90"), ClientOrderIds.Venue.BITGET);

    /** Bitget's documented plan entry, with the ids and status of the case at hand. */
    private static String plan(String orderId, String clientOid, String status) {
        return """
                {"orderId":"%s","clientOid":"%s","symbol":"BTCUSDT","size":"0.001","executePrice":"49900","triggerPrice":"50000",
                 "status":"%s","orderType":"limit","side":"sell","planType":"amount","triggerType":"fill_price","enterPointSource":"API",
                 "uTime":"1668134576563","cTime":"1668134576563"}""".formatted(orderId, clientOid, status);
    }

    private static Answer plans(boolean more, String... entries) {
        return ok("{\"nextFlag\":" + more + ",\"idLessThan\":\"" + (more ? "9" : "1") + "\",\"orderList\":[" + String.join(",", entries) + "]}");
    }

    @Test
    void aStopLimitIsAPlanOrderPlacedUnderOurClientOrderId() throws Exception {
        assertTrue(client.capabilities().contains(Capability.STOP_LIMIT));
        answers = s -> ok("{\"orderId\":\"3001\",\"clientOid\":\"" + PLAN_ID + "\"}");
        Instant recorded = Instant.now();
        PlaceOrder stop = new PlaceOrder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "order-service", "BTCUSDT", OrderSide.SELL,
                OrderKind.STOP_LIMIT, null, new BigDecimal("0.001"), null, new BigDecimal("49900"), new BigDecimal("50000"));
        assertEquals(new VenueOrder("BTCUSDT", PLAN_ID, "3001", OrderStatus.ACCEPTED, BigDecimal.ZERO, BigDecimal.ZERO),
                await(client.place(stop, PLAN_ID, recorded)));
        Seen request = seen.poll();
        assertTrue(request.signed());
        assertEquals("/api/v2/spot/trade/place-plan-order", request.path());
        assertEquals("{\"symbol\":\"BTCUSDT\",\"side\":\"sell\",\"triggerPrice\":\"50000\",\"orderType\":\"limit\",\"executePrice\":\"49900\","
                + "\"planType\":\"amount\",\"size\":\"0.001\",\"triggerType\":\"fill_price\",\"force\":\"gtc\",\"clientOid\":\"" + PLAN_ID + "\","
                + "\"requestTime\":\"" + recorded.toEpochMilli() + "\",\"receiveWindow\":\"5000\"}", request.body());
    }

    @Test
    void aPlanIsFollowedWhileItWaitsThenAsTheOrderItBecameUnderOurClientOrderId() throws Exception {
        answers = s -> s.path().endsWith("/current-plan-order") ? plans(false, plan("3001", PLAN_ID, "live")) : refused(400, "40034", "unexpected");
        assertEquals(new VenueOrder("BTCUSDT", PLAN_ID, "3001", OrderStatus.ACCEPTED, BigDecimal.ZERO, BigDecimal.ZERO),
                await(client.find("BTCUSDT", PLAN_ID)));
        assertEquals("limit=100&symbol=BTCUSDT", seen.poll().query(), "the symbol's waiting plans, never orderInfo");
        assertTrue(seen.isEmpty());

        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/current-plan-order" -> s.query().contains("idLessThan=9") ? plans(false, plan("3002", "other", "live"))
                    : plans(true, plan("3003", "another", "live"));
            case "/api/v2/spot/trade/history-plan-order" -> plans(false, plan("3001", PLAN_ID, "executed"));
            case "/api/v2/spot/trade/plan-sub-order" -> ok("[{\"orderId\":\"2001\",\"price\":\"49900\",\"type\":\"limit\",\"status\":\"success\"}]");
            default -> ok("[" + orderInfo("2001", "bitget-made-this-id", "partially_filled", "0.0004", "19.96") + "]");
        };
        VenueOrder triggered = await(client.find("BTCUSDT", PLAN_ID));
        assertEquals(new VenueOrder("BTCUSDT", PLAN_ID, "2001", OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.0004"), new BigDecimal("19.96")),
                triggered, "the order the plan became, its trades read by its own id, reported under ours");
        seen.poll();
        assertEquals("idLessThan=9&limit=100&symbol=BTCUSDT", seen.poll().query(), "every waiting plan is read before the history");
        Seen history = seen.poll();
        assertEquals("/api/v2/spot/trade/history-plan-order", history.path());
        java.util.Map<String, String> window = java.util.Arrays.stream(history.query().split("&"))
                .collect(java.util.stream.Collectors.toMap(kv -> kv.split("=")[0], kv -> kv.split("=")[1]));
        long span = Long.parseLong(window.get("endTime")) - Long.parseLong(window.get("startTime"));
        assertTrue(span > 0 && span <= Duration.ofDays(90).toMillis(), "within the 90 days Bitget answers for: " + span);
        assertEquals("planOrderId=3001", seen.poll().query());
        assertEquals("orderId=2001", seen.poll().query());

        answers = s -> s.path().endsWith("-plan-order") ? plans(false) : refused(400, "40034", "unexpected");
        assertInstanceOf(OrderNotFound.class, failureOf(client.find("BTCUSDT", PLAN_ID)), "neither waiting nor in the history: never placed");
        answers = s -> s.path().endsWith("/history-plan-order") ? plans(false, plan("3001", PLAN_ID, "cancelled")) : plans(false);
        assertEquals(OrderStatus.CANCELLED, await(client.find("BTCUSDT", PLAN_ID)).status());
        answers = s -> plans(true, plan("3004", "someone-elses", "live"));
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.find("BTCUSDT", PLAN_ID)), "plans left unread: no proof it was never placed");
    }

    @Test
    void aPlanTheVenueAcknowledgedIsFollowedByItsIdsHoweverOldAndNeverCalledNeverPlaced() throws Exception {
        answers = s -> ok("[" + orderInfo("2001", "bitget-made-this-id", "filled", "0.001", "49.9") + "]");
        assertEquals(new VenueOrder("BTCUSDT", PLAN_ID, "2001", OrderStatus.FILLED, new BigDecimal("0.001"), new BigDecimal("49.9")),
                await(client.follow("BTCUSDT", PLAN_ID, "2001")), "recorded as the order it became: that order, asked for by its id");
        assertEquals("orderId=2001", seen.poll().query());
        assertTrue(seen.isEmpty());

        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/plan-sub-order" -> ok("[{\"orderId\":\"2001\",\"price\":\"49900\",\"type\":\"limit\",\"status\":\"cancelled\"}]");
            case "/api/v2/spot/trade/orderInfo" -> s.query().equals("orderId=2001")
                    ? ok("[" + orderInfo("2001", "bitget-made-this-id", "cancelled", "0.0004", "19.96") + "]") : ok("[]");
            default -> refused(400, "40034", "unexpected");
        };
        assertEquals(new VenueOrder("BTCUSDT", PLAN_ID, "2001", OrderStatus.CANCELLED, new BigDecimal("0.0004"), new BigDecimal("19.96")),
                await(client.follow("BTCUSDT", PLAN_ID, "3001")),
                "recorded as the plan, found by the plan's id however old; its order cancelled after part filling still traded");
        assertEquals(List.of("orderId=3001", "planOrderId=3001", "orderId=2001"), seen.stream().map(Seen::query).toList());
        seen.clear();

        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/plan-sub-order" -> ok("[]");
            case "/api/v2/spot/trade/current-plan-order" -> plans(false, plan("3001", PLAN_ID, "live"));
            default -> refused(400, "43001", "The order does not exist");
        };
        assertEquals(OrderStatus.ACCEPTED, await(client.follow("BTCUSDT", PLAN_ID, "3001")).status(), "not triggered: waiting still");

        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/plan-sub-order" -> ok("[]");
            case "/api/v2/spot/trade/current-plan-order", "/api/v2/spot/trade/history-plan-order" -> plans(false);
            default -> refused(400, "43001", "The order does not exist");
        };
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.follow("BTCUSDT", PLAN_ID, "3001")),
                "found nowhere, yet the venue answered for it once: unknown, never \"not placed\"");
    }

    @Test
    void cancellingAPlanCancelsItOrTheOrderItHasBecome() throws Exception {
        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/cancel-plan-order" -> ok("{\"result\":\"success\"}");
            case "/api/v2/spot/trade/history-plan-order" -> plans(false, plan("3001", PLAN_ID, "cancelled"));
            default -> plans(false);
        };
        assertEquals(new VenueOrder("BTCUSDT", PLAN_ID, "3001", OrderStatus.CANCELLED, BigDecimal.ZERO, BigDecimal.ZERO),
                await(client.cancel("BTCUSDT", PLAN_ID)));
        Seen cancel = seen.poll();
        assertEquals("/api/v2/spot/trade/cancel-plan-order", cancel.path());
        assertEquals("{\"clientOid\":\"" + PLAN_ID + "\"}", cancel.body());
        seen.clear();

        java.util.concurrent.atomic.AtomicBoolean subCancelled = new java.util.concurrent.atomic.AtomicBoolean();
        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/cancel-plan-order" -> refused(400, "43025", "Plan order does not exist");
            case "/api/v2/spot/trade/current-plan-order" -> plans(false);
            case "/api/v2/spot/trade/history-plan-order" -> plans(false, plan("3001", PLAN_ID, "executed"));
            case "/api/v2/spot/trade/plan-sub-order" -> ok("[{\"orderId\":\"2001\",\"price\":\"49900\",\"type\":\"limit\",\"status\":\"success\"}]");
            case "/api/v2/spot/trade/cancel-order" -> {
                subCancelled.set(true);
                yield ok("{\"orderId\":\"2001\",\"clientOid\":\"bitget-made-this-id\"}");
            }
            default -> ok("[" + orderInfo("2001", "bitget-made-this-id", subCancelled.get() ? "cancelled" : "live", "0", "0") + "]");
        };
        assertEquals(new VenueOrder("BTCUSDT", PLAN_ID, "2001", OrderStatus.CANCELLED, BigDecimal.ZERO, BigDecimal.ZERO),
                await(client.cancel("BTCUSDT", PLAN_ID)), "triggered before the cancel: the order it became is cancelled");
        assertTrue(seen.stream().anyMatch(r -> r.path().endsWith("/cancel-order") && r.body().equals("{\"symbol\":\"BTCUSDT\",\"orderId\":\"2001\"}")));

        answers = s -> s.path().endsWith("/cancel-plan-order") ? refused(400, "43011", "The parameter does not meet the specification")
                : s.path().endsWith("/current-plan-order") ? plans(false, plan("3001", PLAN_ID, "live")) : plans(false);
        assertEquals("43011", assertInstanceOf(VenueRejection.class, failureOf(client.cancel("BTCUSDT", PLAN_ID))).code(),
                "a plan still waiting that the venue will not cancel is the venue's refusal");
    }

    @Test
    void cancelAllCancelsEachOpenOrderOfTheSymbolAndReportsWhatEachBecame() throws Exception {
        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/current-plan-order" -> plans(false);
            case "/api/v2/spot/trade/unfilled-orders" -> ok("[" + orderInfo("11", "tfa", "live", "0", "0") + ","
                    + orderInfo("12", "tfb", "partially_filled", "0.0001", "6") + "]");
            case "/api/v2/spot/trade/cancel-order" -> s.body().contains("\"12\"") ? refused(400, "43001", "The order does not exist")
                    : ok("{\"orderId\":\"11\",\"clientOid\":\"tfa\"}");
            default -> ok("[" + (s.query().equals("orderId=11") ? orderInfo("11", "tfa", "cancelled", "0", "0")
                    : orderInfo("12", "tfb", "filled", "0.001", "60")) + "]");
        };
        List<VenueOrder> after = await(client.cancelAll("BTCUSDT"));
        assertEquals(List.of(OrderStatus.CANCELLED, OrderStatus.FILLED), after.stream().map(VenueOrder::status).toList(),
                "the one that filled meanwhile is reported filled, not cancelled");
        assertEquals("/api/v2/spot/trade/current-plan-order", seen.poll().path(), "waiting plans first, so none triggers after the orders are read");
        assertEquals("limit=100&symbol=BTCUSDT", seen.poll().query());

        seen.clear();
        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/current-plan-order" -> plans(false, plan("3001", PLAN_ID, "live"), plan("3005", "manual", "live"));
            case "/api/v2/spot/trade/cancel-plan-order" -> s.body().contains("3005") ? refused(400, "43025", "Plan order does not exist")
                    : ok("{\"result\":\"success\"}");
            default -> ok("[]");
        };
        assertEquals(List.of(new VenueOrder("BTCUSDT", PLAN_ID, "3001", OrderStatus.CANCELLED, BigDecimal.ZERO, BigDecimal.ZERO)),
                await(client.cancelAll("BTCUSDT")), "a plan that triggered meanwhile is among the open orders instead");
        seen.poll();
        assertEquals("{\"orderId\":\"3001\"}", seen.poll().body());

        seen.clear();
        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/current-plan-order" -> plans(false);
            case "/api/v2/spot/trade/unfilled-orders" -> ok("[" + orderInfo("11", "tfa", "live", "0", "0") + ","
                    + orderInfo("12", "tfb", "live", "0", "0") + "]");
            case "/api/v2/spot/trade/cancel-order" -> s.body().contains("\"11\"") ? new Answer(503, "upstream timeout")
                    : ok("{\"orderId\":\"12\",\"clientOid\":\"tfb\"}");
            default -> ok("[" + orderInfo("12", "tfb", "cancelled", "0", "0") + "]");
        };
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.cancelAll("BTCUSDT")), "one cancel unanswered: the whole is ambiguous");
        assertTrue(seen.stream().anyMatch(r -> r.path().endsWith("/cancel-order") && r.body().contains("\"12\"")),
                "but every open order was still tried");

        seen.clear();
        answers = s -> switch (s.path()) {
            case "/api/v2/spot/trade/current-plan-order" -> plans(true, plan("3006", "manual", "live"));
            case "/api/v2/spot/trade/cancel-plan-order" -> ok("{\"result\":\"success\"}");
            default -> ok("[]");
        };
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.cancelAll("BTCUSDT")),
                "plans still waiting after every answer read was cancelled: not all cancelled, so not a success");
        assertEquals(3, seen.stream().filter(r -> r.path().endsWith("/current-plan-order")).count());
    }

    @Test
    void openOrdersAndFillsAreReadBackAnswerByAnswer() throws Exception {
        answers = s -> s.query().contains("idLessThan=") ? ok("[" + fill("900", "0.4", "-0.0000004", "maker") + "]")
                : ok(fills(100));
        List<VenueTrade> trades = await(client.trades("BTCUSDT", "12345678910"));
        assertEquals(101, trades.size());
        VenueTrade oldest = trades.get(0);
        assertEquals(new VenueTrade("900", "12345678910", new BigDecimal("13000"), new BigDecimal("0.4"), new BigDecimal("9.1"),
                new BigDecimal("0.0000004"), "BTC", true, Instant.ofEpochMilli(1695865232000L)), oldest, "the fee as a positive amount, maker");
        assertTrue(!trades.get(100).maker());
        assertEquals(new BigDecimal("-0.0000002"), BitgetClient.trade(JSON.readTree(fill("901", "0.4", "0.0000002", "maker"))).fee(),
                "a positive totalFee is a rebate: a negative fee");
        assertEquals("limit=100&orderId=12345678910&symbol=BTCUSDT", seen.poll().query());
        assertEquals("idLessThan=1001&limit=100&orderId=12345678910&symbol=BTCUSDT", seen.poll().query());
        assertTrue(seen.isEmpty(), "an answer that is not full is the last");

        // a venue that ignores the cursor answers the same page: read twice, never a third time
        answers = s -> ok(fills(100));
        assertEquals(100, await(client.trades("BTCUSDT", "12345678910")).size());
        assertEquals(2, seen.size());
        seen.clear();

        answers = s -> s.path().endsWith("/current-plan-order") ? plans(false, plan("3001", PLAN_ID, "live"))
                : ok("[" + orderInfo("5", "tfa", "live", "0", "0") + "," + orderInfo("4", "tfb", "new", "0", "0") + "]");
        assertEquals(List.of(new VenueOrder("BTCUSDT", "tfa", "5", OrderStatus.ACCEPTED, BigDecimal.ZERO, BigDecimal.ZERO),
                        new VenueOrder("BTCUSDT", "tfb", "4", OrderStatus.ACCEPTED, BigDecimal.ZERO, BigDecimal.ZERO),
                        new VenueOrder("BTCUSDT", PLAN_ID, "3001", OrderStatus.ACCEPTED, BigDecimal.ZERO, BigDecimal.ZERO)),
                await(client.openOrders(java.util.Set.of("BTCUSDT"))), "a waiting plan is open too, so it is not asked for one by one");
        assertEquals("limit=100", seen.poll().query(), "every symbol's open orders in one call");
        assertEquals("limit=100&symbol=BTCUSDT", seen.poll().query(), "then the waiting plans of each symbol followed");
    }

    private static String fill(String tradeId, String size, String fee, String scope) {
        return """
                {"userId":"**********","symbol":"BTCUSDT","orderId":"12345678910","tradeId":"%s","orderType":"market","side":"buy",
                 "priceAvg":"13000","size":"%s","amount":"9.1","feeDetail":{"deduction":"no","feeCoin":"BTC","totalDeductionFee":"",
                 "totalFee":"%s"},"tradeScope":"%s","cTime":"%d","uTime":"1695865233027"}"""
                .formatted(tradeId, size, fee, scope, tradeId.equals("900") ? 1695865232000L : 1695865232579L + Long.parseLong(tradeId));
    }

    private static String fills(int count) {
        StringBuilder page = new StringBuilder("[");
        for (int id = 1100; id > 1100 - count; id--) {
            page.append(id == 1100 ? "" : ",").append(fill(String.valueOf(id), "0.0007", "-0.0000007", "taker"));
        }
        return page.append("]").toString();
    }

    @Test
    void balancesHoldWhatOrdersFreezeAsLocked() throws Exception {
        answers = s -> new Answer(200, """
                {"code":"00000","message":"success","requestTime":1695808949356,"data":[
                 {"coin":"usdt","available":"120.5","frozen":"30","locked":"0.5","limitAvailable":"0","uTime":"1622697148"},
                 {"coin":"BTC","available":"0.01","frozen":"0","locked":"0","limitAvailable":"0","uTime":"1622697148"}]}""");
        assertEquals(List.of(new Balance("USDT", new BigDecimal("120.5"), new BigDecimal("30.5")),
                new Balance("BTC", new BigDecimal("0.01"), new BigDecimal("0"))), await(client.balances()));
        assertEquals("/api/v2/spot/account/assets", seen.poll().path());
    }

    @Test
    void bitgetsRefusalsAreSortedRejectionClockUnknownAndNotNow() throws Exception {
        answers = s -> refused(400, "43012", "Insufficient balance");
        VenueRejection poor = assertInstanceOf(VenueRejection.class, failureOf(client.place(order(OrderKind.LIMIT, OrderSide.BUY, null, "1", null,
                "60000"), "tfabc", Instant.now())));
        assertEquals("43012", poor.code());
        assertEquals("Insufficient balance", poor.getMessage());

        answers = s -> refused(400, "40012", "apikey/password is incorrect");
        assertEquals("40012", assertInstanceOf(VenueRejection.class, failureOf(client.balances())).code(), "a wrong passphrase is the key's fault");
        answers = s -> refused(400, "40008", "Request timestamp expired");
        assertInstanceOf(ClockRefusal.class, failureOf(client.balances()));
        answers = s -> refused(400, "43118", "clientOrderId duplicate");
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.place(order(OrderKind.LIMIT, OrderSide.BUY, null, "1", null, "60000"), "tfabc",
                Instant.now())), "an order of that id exists: asked for, never reported rejected");
        answers = s -> refused(400, "40015", "System is abnormal, please try again later");
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.place(order(OrderKind.LIMIT, OrderSide.BUY, null, "1", null, "60000"), "tfabc",
                Instant.now())));
        answers = s -> new Answer(502, "<html>Bad Gateway</html>");
        assertInstanceOf(AmbiguousOutcome.class, failureOf(client.balances()));

        answers = s -> refused(429, "429", "Too Many Requests");
        VenueBusy busy = assertInstanceOf(VenueBusy.class, failureOf(client.balances()));
        assertEquals(Duration.ofSeconds(1), busy.retryAfter(), "Bitget's limits are per second");
        assertEquals(1, limiter.usage().rateLimited());
    }

    @Test
    void marketDataInTheFleetsTerms() throws Exception {
        answers = s -> switch (s.path()) {
            case "/api/v2/spot/public/symbols" -> ok("""
                    [{"symbol":"BTCUSDT","baseCoin":"BTC","quoteCoin":"USDT","minTradeAmount":"0.0001","maxTradeAmount":"0",
                      "takerFeeRate":"0.001","makerFeeRate":"0.001","pricePrecision":"2","quantityPrecision":"6","quotePrecision":"4",
                      "minTradeUSDT":"5","status":"online","buyLimitPriceRatio":"0.05","sellLimitPriceRatio":"0.05","orderQuantity":"100",
                      "areaSymbol":"no"}]""");
            case "/api/v2/spot/market/tickers" -> ok("""
                    [{"symbol":"BTCUSDT","high24h":"37775.65","open":"35134.2","low24h":"34413.1","lastPr":"34413.1","quoteVolume":"0",
                      "baseVolume":"0","usdtVolume":"0","bidPr":"34413","askPr":"34413.2","bidSz":"0.0663","askSz":"0.0119",
                      "openUtc":"23856.72","ts":"1625125755277","changeUtc24h":"0.00301","change24h":"0.00069"}]""");
            case "/api/v2/spot/market/orderbook" -> ok("""
                    {"asks":[["34567.15","0.0131"],["34567.25","0.0144"]],"bids":[["34567","0.2917"],["34566.85","0.0145"]],
                     "ts":"1698303884584"}""");
            default -> ok("""
                    [["1656604800000","37834.5","37849.5","37773.5","37773.5","428.3462","16198849.1079","16198849.1079"]]""");
        };
        MarketData.SymbolInfo btc = await(market.symbols()).get(0);
        assertEquals(new MarketData.SymbolInfo("BTCUSDT", "BTC", "USDT", "TRADING", new BigDecimal("0.01"), null, null, new BigDecimal("0.000001"),
                new BigDecimal("0.0001"), null, new BigDecimal("5")), btc, "precisions as steps; a maximum of 0 is none");
        MarketData.Ticker ticker = await(market.ticker("BTCUSDT"));
        assertNull(BitgetMarketData.symbol(JSON.readTree("""
                {"symbol":"ETHBTC","baseCoin":"ETH","quoteCoin":"BTC","minTradeAmount":"0.001","maxTradeAmount":"0","pricePrecision":"6",
                 "quantityPrecision":"4","minTradeUSDT":"5","status":"online"}""")).minNotional(), "5 USDT is no minimum in BTC");
        assertEquals(new BigDecimal("34413.1"), ticker.lastPrice());
        assertEquals(new BigDecimal("0.069"), ticker.priceChangePercent(), "Bitget's fraction in percent");
        assertEquals("symbol=BTCUSDT", seen.stream().filter(r -> r.path().endsWith("/tickers")).findFirst().orElseThrow().query());
        MarketData.OrderBook book = await(market.book("BTCUSDT", 1));
        assertEquals(List.of(new MarketData.Level(new BigDecimal("34567"), new BigDecimal("0.2917"))), book.bids());
        MarketData.Candle candle = await(market.candles("BTCUSDT", "1h", 1)).get(0);
        assertEquals(Instant.ofEpochMilli(1656604800000L), candle.openTime());
        assertEquals(Instant.ofEpochMilli(1656604800000L + 3_600_000 - 1), candle.closeTime());
        assertEquals(new BigDecimal("428.3462"), candle.volume());
        assertTrue(seen.stream().anyMatch(r -> r.path().endsWith("/candles") && r.query().equals("granularity=1h&limit=1&symbol=BTCUSDT")));
        assertTrue(seen.stream().noneMatch(Seen::signed), "public calls carry no key");
        assertNull(btc.minPrice());
    }

    @Test
    void theWalletReadsChainsAddressesAndRecordsAndWithdrawsOnChainUnderTheClientsId() throws Exception {
        answers = s -> switch (s.path()) {
            case "/api/v2/spot/public/coins" -> ok("""
                    [{"coinId":"1","coin":"BTC","transfer":"true","chains":[{"chain":"BTC","needTag":"false","withdrawable":"true",
                      "rechargeable":"true","withdrawFee":"0.005","extraWithdrawFee":"0","depositConfirm":"1","withdrawConfirm":"1",
                      "minDepositAmount":"0.001","minWithdrawAmount":"0.001","browserUrl":"https://blockchair.com/bitcoin/testnet/transaction/",
                      "contractAddress":"","withdrawStep":"0","withdrawMinScale":"8","congestion":"normal"}]}]""");
            case "/api/v2/spot/wallet/deposit-address" -> ok("""
                    {"address":"bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh","chain":"BTC","coin":"BTC","tag":"","url":"https://btc.com/xxx"}""");
            case "/api/v2/spot/wallet/deposit-records" -> ok("""
                    [{"orderId":"1","tradeId":"1","coin":"USDT","type":"deposit","size":"10.00000000","status":"success","toAddress":"0x51xxx",
                      "dest":"on_chain","chain":"erc20","fromAddress":"0x52xxx","cTime":"1653290769222","uTime":"1653290769222"}]""");
            case "/api/v2/spot/wallet/withdrawal" -> ok("{\"orderId\":\"112321312312312\",\"clientOid\":\"tfw1\"}");
            default -> ok("""
                    [{"orderId":"1","tradeId":"1","coin":"USDT","dest":"on_chain","clientOid":"tfw1","type":"withdraw","tag":"","size":"10.00000000",
                      "fee":"-1.00000000","status":"pending","toAddress":"1","fromAddress":"2","confirm":"100","chain":"erc20",
                      "cTime":"1653290769222","uTime":"1653290769222"}]""");
        };
        VenueWallet wallet = client.wallet();
        assertEquals(List.of(new VenueWallet.Network("BTC", "BTC", true, true, new BigDecimal("0.005"), new BigDecimal("0.001"), null)),
                await(wallet.networks("BTC")));
        assertEquals(new VenueWallet.DepositAddress("BTC", "BTC", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", null), await(wallet.depositAddress("BTC", "BTC")));
        assertEquals(new VenueWallet.Deposit("1", "USDT", "erc20", new BigDecimal("10.00000000"), "0x51xxx", null, "1",
                VenueWallet.TransferStatus.COMPLETED, Instant.ofEpochMilli(1653290769222L)), await(wallet.deposits("USDT", Instant.EPOCH)).get(0));
        assertEquals("112321312312312", await(wallet.withdraw("tfw1", "USDT", "erc20", new BigDecimal("10"), "0x94df", null)));
        VenueWallet.Withdrawal withdrawal = await(wallet.withdrawals("USDT", Instant.EPOCH)).get(0);
        assertEquals(new BigDecimal("1.00000000"), withdrawal.fee(), "Bitget's negative fee as what was kept");
        assertEquals("tfw1", withdrawal.clientId());
        assertEquals(VenueWallet.TransferStatus.PENDING, withdrawal.status());
        assertEquals(withdrawal, await(wallet.withdrawal("tfw1", "USDT", Instant.EPOCH)).orElseThrow());
        assertTrue(seen.stream().anyMatch(r -> r.path().endsWith("/withdrawal-records") && r.query().startsWith("clientOid=tfw1&coin=USDT&")));

        List<Seen> requests = List.copyOf(seen);
        assertTrue(!requests.get(0).signed() && requests.subList(1, requests.size()).stream().allMatch(Seen::signed), "coins are public, the rest signed");
        assertEquals("chain=BTC&coin=BTC", requests.get(1).query());
        long start = Long.parseLong(requests.get(2).query().replaceAll(".*startTime=(\\d+).*", "$1"));
        assertTrue(start > Instant.now().minus(Duration.ofDays(90)).toEpochMilli(), "records 90 days back at most");
        assertEquals("{\"coin\":\"USDT\",\"transferType\":\"on_chain\",\"address\":\"0x94df\",\"chain\":\"erc20\",\"size\":\"10\","
                + "\"clientOid\":\"tfw1\"}", requests.get(3).body());
    }
}
