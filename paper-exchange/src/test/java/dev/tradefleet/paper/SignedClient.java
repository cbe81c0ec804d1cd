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

/** A minimal Binance client written from the documentation, signing requests as any Binance library does. */
public final class SignedClient {

    public final String apiKey;
    public final String secretKey;

    public SignedClient(String apiKey, String secretKey) {
        this.apiKey = apiKey;
        this.secretKey = secretKey;
    }

    /** Opens a paper account through the admin API. */
    public static SignedClient open(String adminKey, Map<String, String> balances) {
        Map<String, Object> keys = given().header("X-Admin-Key", adminKey).contentType(ContentType.JSON)
                .body(Map.of("balances", balances)).post("/sim/accounts").then().statusCode(200).extract().jsonPath().getMap("");
        return new SignedClient((String) keys.get("apiKey"), (String) keys.get("secretKey"));
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
        String url = path + "?" + query + "&signature=" + Signatures.sign(secretKey, query);
        return given().urlEncodingEnabled(false).header("X-MBX-APIKEY", apiKey).request(method, url);
    }

    /** A SIGNED POST with its parameters in a form body. */
    public Response signedBody(String path, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("timestamp", String.valueOf(System.currentTimeMillis()));
        String body = encode(all);
        return given().urlEncodingEnabled(false).header("X-MBX-APIKEY", apiKey).contentType("application/x-www-form-urlencoded")
                .body(body + "&signature=" + Signatures.sign(secretKey, body)).post(path);
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
