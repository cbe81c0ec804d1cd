package dev.tradefleet.credentials;

import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tokens and requests shared by the credentials-service tests. */
public final class CredentialsTestSupport {

    public static final String CONNECTOR = "exchange-connector";

    private CredentialsTestSupport() {
    }

    public record TestUser(UUID id, String token) {
    }

    public static TestUser newUser() {
        UUID id = UUID.randomUUID();
        return new TestUser(id, TokenKeysResource.tokens().valid(id.toString(), List.of("user")));
    }

    public static String adminToken() {
        return TokenKeysResource.tokens().valid(UUID.randomUUID().toString(), List.of("user", "admin"));
    }

    public static String serviceToken(String client) {
        return TokenKeysResource.tokens().service(client);
    }

    /** Unique key material, so that a test can search for it anywhere. */
    public static Map<String, Object> binanceKey(String label) {
        Map<String, Object> body = new HashMap<>();
        body.put("exchange", "binance");
        body.put("environment", "testnet");
        body.put("label", label);
        body.put("apiKey", "AK" + UUID.randomUUID().toString().replace("-", "") + "WXYZ");
        body.put("secretKey", "SK" + UUID.randomUUID().toString().replace("-", ""));
        return body;
    }

    public static Map<String, Object> bitgetKey(String label) {
        Map<String, Object> body = binanceKey(label);
        body.put("exchange", "bitget");
        body.put("passphrase", "PP" + UUID.randomUUID().toString().replace("-", ""));
        return body;
    }

    public static ValidatableResponse create(TestUser user, Map<String, Object> body) {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(body).post("/credentials").then();
    }

    public static String createdId(TestUser user, Map<String, Object> body) {
        return create(user, body).statusCode(201).extract().path("id");
    }
}
