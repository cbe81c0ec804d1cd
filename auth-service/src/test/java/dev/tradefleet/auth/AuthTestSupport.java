package dev.tradefleet.auth;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers shared by the auth-service tests. */
public final class AuthTestSupport {

    public static final String PASSWORD = "correct horse battery staple";

    private AuthTestSupport() {
    }

    public static String uniqueEmail() {
        return "trader-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers from an address of its own (the tests trust 127.0.0.1 as the gateway), so per-address limits stay out of the way. */
    public static ValidatableResponse register(String email, String password, String name) {
        return given().header("X-Forwarded-For", randomAddress()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "name", name))
                .post("/auth/register").then();
    }

    public static String randomAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static ValidatableResponse login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/auth/login").then();
    }

    public static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/auth/refresh").then();
    }

    /** Registers a new user and returns its access and refresh tokens. */
    public static Map<String, Object> registeredSession() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Test Trader").statusCode(201);
        return login(email, PASSWORD).statusCode(200).extract().jsonPath().getMap("");
    }
}
