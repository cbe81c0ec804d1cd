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

    public static ValidatableResponse register(String email, String password, String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "name", name))
                .post("/auth/register").then();
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
