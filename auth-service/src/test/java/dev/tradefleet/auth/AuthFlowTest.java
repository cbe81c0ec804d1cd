package dev.tradefleet.auth;

import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.ManagementInterface;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.tradefleet.auth.AuthTestSupport.PASSWORD;
import static dev.tradefleet.auth.AuthTestSupport.login;
import static dev.tradefleet.auth.AuthTestSupport.refresh;
import static dev.tradefleet.auth.AuthTestSupport.register;
import static dev.tradefleet.auth.AuthTestSupport.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
class AuthFlowTest {

    @Inject
    Pool pool;
    @Inject
    dev.tradefleet.auth.account.AccountService accounts;

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void registerLoginMeRefreshLogout() {
        String email = uniqueEmail();
        String id = register("  " + email.toUpperCase() + " ", PASSWORD, "Ada Trader").statusCode(201)
                .body("email", equalTo(email)).body("name", equalTo("Ada Trader")).body("password", equalTo(null))
                .extract().path("id");

        Map<String, Object> session = login(email, PASSWORD).statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(900))
                .extract().jsonPath().getMap("");
        String access = (String) session.get("accessToken");
        String refreshToken = (String) session.get("refreshToken");

        given().auth().oauth2(access).get("/auth/me").then().statusCode(200)
                .body("id", equalTo(id)).body("email", equalTo(email)).body("roles", containsInAnyOrder("user"));

        Map<String, Object> rotated = refresh(refreshToken).statusCode(200).extract().jsonPath().getMap("");
        assertNotEquals(refreshToken, rotated.get("refreshToken"));
        given().auth().oauth2((String) rotated.get("accessToken")).get("/auth/me").then().statusCode(200).body("id", equalTo(id));

        String rotatedAccess = (String) rotated.get("accessToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", rotated.get("refreshToken")))
                .post("/auth/logout").then().statusCode(401);
        given().auth().oauth2(rotatedAccess).contentType(ContentType.JSON).body(Map.of("refreshToken", rotated.get("refreshToken")))
                .post("/auth/logout").then().statusCode(204);
        refresh((String) rotated.get("refreshToken")).statusCode(401).contentType("application/problem+json");
        // logout is idempotent
        given().auth().oauth2(rotatedAccess).contentType(ContentType.JSON).body(Map.of("refreshToken", rotated.get("refreshToken")))
                .post("/auth/logout").then().statusCode(204);
    }

    @Test
    void logoutWithAnotherUsersRefreshTokenEndsNobodysSession() {
        Map<String, Object> attacker = AuthTestSupport.registeredSession();
        Map<String, Object> victim = AuthTestSupport.registeredSession();
        given().auth().oauth2((String) attacker.get("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", victim.get("refreshToken"))).post("/auth/logout").then().statusCode(204);
        String victimId = given().auth().oauth2((String) victim.get("accessToken")).get("/auth/me").then().extract().path("id");
        assertEquals(0, count("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NOT NULL AND user_id::text = $1", victimId));
        refresh((String) victim.get("refreshToken")).statusCode(200);
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() {
        Map<String, Object> session = AuthTestSupport.registeredSession();
        String refreshToken = (String) session.get("refreshToken");
        assertEquals(0, count("SELECT count(*) FROM refresh_tokens WHERE position(convert_to($1, 'UTF8') in token_hash) > 0",
                refreshToken));
        assertEquals(1, count("SELECT count(*) FROM refresh_tokens WHERE token_hash = sha256(convert_to($1, 'UTF8'))", refreshToken));
        assertEquals(0, count("SELECT count(*) FROM users WHERE password_hash LIKE '%' || $1 || '%'", PASSWORD));
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Map<String, Object> session = AuthTestSupport.registeredSession();
        String first = (String) session.get("refreshToken");
        String second = refresh(first).statusCode(200).extract().path("refreshToken");

        // An attacker replays the stolen first token: refused, and the legitimate second token dies with it.
        refresh(first).statusCode(401).body("type", equalTo("https://tradefleet.dev/problems/unauthorized"));
        refresh(second).statusCode(401);

        assertEquals(0, count("SELECT count(*) FROM refresh_tokens t JOIN refresh_tokens f ON f.family_id = t.family_id"
                + " WHERE t.token_hash = sha256(convert_to($1, 'UTF8')) AND f.revoked_at IS NULL", first));
        assertEquals(1, count("SELECT count(*) FROM audit_log a JOIN refresh_tokens t ON t.user_id = a.user_id"
                + " WHERE a.action = 'refresh-token-reuse' AND t.token_hash = sha256(convert_to($1, 'UTF8'))", first));
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        String email = uniqueEmail();
        register(email, PASSWORD, "First").statusCode(201);
        register(email.toUpperCase(), PASSWORD, "Second").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tradefleet.dev/problems/email-taken"));
        assertEquals(1, count("SELECT count(*) FROM users WHERE email = $1", email));
    }

    @Test
    void theConfiguredAdministratorExistsWithTheAdminRole() {
        String access = login("admin@tradefleet.test", "bootstrap-admin-password-1").statusCode(200).extract().path("accessToken");
        given().auth().oauth2(access).get("/auth/me").then().statusCode(200)
                .body("roles", containsInAnyOrder("user", "admin"));
    }

    @Test
    void theAdminBootstrapNeverPromotesAnExistingAccount() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Got There First").statusCode(201);
        assertNull(accounts.ensureAdmin(email, "bootstrap-admin-password-2", "Administrator").await().indefinitely());
        String access = login(email, PASSWORD).statusCode(200).extract().path("accessToken");
        given().auth().oauth2(access).get("/auth/me").then().statusCode(200).body("roles", containsInAnyOrder("user"));

        String fresh = uniqueEmail();
        assertTrue(accounts.ensureAdmin(fresh, "bootstrap-admin-password-2", "Administrator").await().indefinitely()
                .roles().contains("admin"));
        assertTrue(accounts.ensureAdmin(fresh, "ignored-when-it-exists-1", "x").await().indefinitely().roles().contains("admin"));
    }

    @Test
    void aServiceClientGetsAShortLivedServiceToken() {
        String token = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "exchange-connector")
                .formParam("client_secret", "test-connector-secret-0123456789")
                .post("/auth/token").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(300))
                .body("access_token", not(emptyOrNullString()))
                .extract().path("access_token");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(claims.contains("\"groups\":[\"service\"]"), claims);
        assertTrue(claims.contains("\"client_id\":\"exchange-connector\""), claims);

        given().auth().preemptive().basic("exchange-connector", "test-connector-secret-0123456789")
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/auth/token").then().statusCode(200);
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "exchange-connector").formParam("client_secret", "wrong")
                .post("/auth/token").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "exchange-connector").formParam("client_secret", "test-connector-secret-0123456789")
                .post("/auth/token").then().statusCode(400);
    }

    @Test
    void wrongClientSecretsAreThrottledPerAddress() {
        String address = AuthTestSupport.randomAddress();
        for (int i = 0; i < 5; i++) {
            serviceToken(address, "guess-" + i).statusCode(401);
        }
        serviceToken(address, "test-connector-secret-0123456789").statusCode(429).header("Retry-After", not(emptyOrNullString()));
        serviceToken(AuthTestSupport.randomAddress(), "test-connector-secret-0123456789").statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse serviceToken(String address, String secret) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "exchange-connector")
                .formParam("client_secret", secret).post("/auth/token").then();
    }

    @Test
    void theJwksPublishesTheSigningKeyAndNothingPrivate() {
        String jwks = given().get("/auth/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", containsInAnyOrder(TokenKeysResource.KEY_ID))
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"))
                .extract().asString();
        for (String privateMember : new String[] {"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\""}) {
            assertFalse(jwks.contains(privateMember), jwks);
        }
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("kafka"));
        given().get(ManagementInterface.url("/q/health/live")).then().statusCode(200);
        given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200);
        given().get(ManagementInterface.url("/q/openapi")).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
    }
}
