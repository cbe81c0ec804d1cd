package dev.tradefleet.paper;

import dev.tradefleet.paper.binance.Signatures;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/**
 * A minimal Binance client written from the documentation, signing requests as any Binance library does; also a
 * MEXC client (MEXC signs the same way, with its own key header), for the exchange's MEXC face under {@code /mexc}.
 */
public final class SignedClient {

    public final String apiKey;
    public final String secretKey;
    private final String keyHeader;
    private final String prefix;

    public SignedClient(String apiKey, String secretKey) {
        this(apiKey, secretKey, "X-MBX-APIKEY", "");
    }

    private SignedClient(String apiKey, String secretKey, String keyHeader, String prefix) {
        this.apiKey = apiKey;
        this.secretKey = secretKey;
        this.keyHeader = keyHeader;
        this.prefix = prefix;
    }

    /** Opens a paper account of the Binance face through the admin API. */
    public static SignedClient open(String adminKey, Map<String, String> balances) {
        Map<String, Object> keys = openAccount(adminKey, "binance", balances);
        return new SignedClient((String) keys.get("apiKey"), (String) keys.get("secretKey"));
    }

    /** Opens a paper account of the MEXC face; the client's paths are MEXC's, under {@code /mexc}. */
    public static SignedClient openMexc(String adminKey, Map<String, String> balances) {
        Map<String, Object> keys = openAccount(adminKey, "mexc", balances);
        return new SignedClient((String) keys.get("apiKey"), (String) keys.get("secretKey"), "X-MEXC-APIKEY", "/mexc");
    }

    /** The same keys presented to the MEXC face. */
    public SignedClient asMexc() {
        return new SignedClient(apiKey, secretKey, "X-MEXC-APIKEY", "/mexc");
    }

    /** The same keys presented to the Binance face. */
    public SignedClient asBinance() {
        return new SignedClient(apiKey, secretKey);
    }

    private static Map<String, Object> openAccount(String adminKey, String venue, Map<String, String> balances) {
        return given().header("X-Admin-Key", adminKey).contentType(ContentType.JSON)
                .body(Map.of("venue", venue, "balances", balances)).post("/sim/accounts").then().statusCode(200).extract().jsonPath().getMap("");
    }

    public static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A SIGNED request with every parameter in the query string (timestamp added, signature appended). */
    public Response signed(String method, String path, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("timestamp", String.valueOf(System.currentTimeMillis()));
        String query = encode(all);
        String url = prefix + path + "?" + query + "&signature=" + Signatures.sign(secretKey, query);
        return given().urlEncodingEnabled(false).header(keyHeader, apiKey).request(method, url);
    }

    /** A SIGNED POST with its parameters in a form body. */
    public Response signedBody(String path, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("timestamp", String.valueOf(System.currentTimeMillis()));
        String body = encode(all);
        return given().urlEncodingEnabled(false).header(keyHeader, apiKey).contentType("application/x-www-form-urlencoded")
                .body(body + "&signature=" + Signatures.sign(secretKey, body)).post(prefix + path);
    }

    public Response limit(String symbol, String side, String price, String quantity) {
        return signed("POST", "/api/v3/order", params("symbol", symbol, "side", side, "type", "LIMIT", "timeInForce", "GTC",
                "quantity", quantity, "price", price));
    }

    public Response order(String symbol, long orderId) {
        return signed("GET", "/api/v3/order", params("symbol", symbol, "orderId", String.valueOf(orderId)));
    }

    public Response myTrades(String symbol) {
        return signed("GET", "/api/v3/myTrades", params("symbol", symbol));
    }
}
