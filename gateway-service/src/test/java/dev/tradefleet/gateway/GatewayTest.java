package dev.tradefleet.gateway;

import dev.tradefleet.embedded.SigningKeys;
import dev.tradefleet.testing.TestTokens;
import dev.tradefleet.testing.quarkus.ManagementInterface;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(TokenKeysResource.class)
@QuarkusTestResource(FakeUpstreamResource.class)
class GatewayTest {

    @jakarta.inject.Inject
    dev.tradefleet.gateway.proxy.GatewayProxy proxy;
    @jakarta.inject.Inject
    io.vertx.core.Vertx vertx;

    private static String user() {
        return UUID.randomUUID().toString();
    }

    private static String token() {
        return TokenKeysResource.tokens().valid(user(), List.of("user"));
    }

    static Stream<Arguments> badTokens() {
        return TokenKeysResource.tokens().attacks(UUID.randomUUID().toString()).entrySet().stream()
                .map(attack -> Arguments.of(attack.getKey(), attack.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsRefusedAndNeverReachesTheService(String kind, String token) {
        int before = FakeUpstreamResource.HITS.get();
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        assertEquals(before, FakeUpstreamResource.HITS.get());
    }

    @Test
    void noTokenIsRefused() {
        int before = FakeUpstreamResource.HITS.get();
        given().get("/api/auth/me").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/auth/me").then().statusCode(401);
        assertEquals(before, FakeUpstreamResource.HITS.get());
    }

    @Test
    void publicEndpointsNeedNoToken() {
        given().contentType(ContentType.JSON).body("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                .post("/api/auth/login").then().statusCode(200)
                .body("path", equalTo("/auth/login")).body("bodyLength", equalTo(32));
        given().get("/api/auth/.well-known/jwks.json").then().statusCode(200);
        // public means this method on this path only
        given().get("/api/auth/login").then().statusCode(401);
    }

    @Test
    void aGoodRequestIsForwardedWithoutHopByHopHeadersAndWithARequestId() {
        String token = token();
        Response response = given().auth().oauth2(token)
                .header("Connection", "keep-alive, X-Client-Hop")
                .header("X-Client-Hop", "must not pass")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Custom", "passes")
                .get("/api/auth/echo/deep/path?symbol=BTCUSDT&limit=5");
        response.then().statusCode(200)
                .body("path", equalTo("/auth/echo/deep/path"))
                .body("query", equalTo("symbol=BTCUSDT&limit=5"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-custom", equalTo("passes"))
                .body("headers.x-client-hop", nullValue())
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .header("X-Upstream", "auth")
                .header("X-Upstream-Secret", nullValue());
        String requestId = response.header("X-Request-Id");
        assertNotNull(requestId);
        assertEquals(requestId, response.jsonPath().getString("headers.x-request-id"));
    }

    @Test
    void aCallersRequestIdIsKeptWhenItIsSafe() {
        given().auth().oauth2(token()).header("X-Request-Id", "trace-42").get("/api/auth/echo").then()
                .statusCode(200).header("X-Request-Id", "trace-42").body("headers.x-request-id", equalTo("trace-42"));
        given().auth().oauth2(token()).header("X-Request-Id", "evil\u0001id").get("/api/auth/echo").then()
                .statusCode(200).header("X-Request-Id", not(equalTo("evil\u0001id")));
    }

    @Test
    void unknownRoutesAreNotFound() {
        given().get("/api/nothing/here").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/authx/login").then().statusCode(404);
        given().auth().oauth2(token()).get("/api/auth/../../etc/passwd").then().statusCode(404);
    }

    @Test
    void eachUserIsRateLimited() {
        String token = token();
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 30; i++) {
            Response r = given().auth().oauth2(token).get("/api/auth/echo");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429 && limited == null) {
                limited = r;
            }
        }
        assertTrue(statuses.subList(0, 20).stream().allMatch(s -> s == 200), statuses.toString());
        assertNotNull(limited, statuses.toString());
        limited.then().contentType("application/problem+json").body("type", equalTo("https://tradefleet.dev/problems/rate-limited"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        // another user is not affected
        given().auth().oauth2(token()).get("/api/auth/echo").then().statusCode(200);
    }

    @Test
    void aSlowUpstreamIsCutOffWithAGatewayTimeout() {
        given().auth().oauth2(token()).get("/api/auth/slow").then().statusCode(504).contentType("application/problem+json");
    }

    @Test
    void aDownUpstreamAnswers503() {
        given().auth().oauth2(token()).get("/api/down/anything").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", not(nullValue()));
    }

    @Test
    void aFailingUpstreamOpensTheCircuit() {
        String token = token();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/broken/x").then().statusCode(500);
        }
        int hits = FakeUpstreamResource.BROKEN_HITS.get();
        given().auth().oauth2(token).get("/api/broken/x").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tradefleet.dev/problems/upstream-unavailable"));
        assertEquals(hits, FakeUpstreamResource.BROKEN_HITS.get(), "an open circuit sends nothing upstream");
        // other routes are unaffected
        given().auth().oauth2(token()).get("/api/auth/echo").then().statusCode(200);
    }

    @Test
    void anOversizedBodyIsRefused() {
        given().contentType(ContentType.JSON).body("{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}")
                .post("/api/auth/login").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void corsAllowsOnlyTheWebAppsOrigin() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .options("/api/auth/login").then()
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/auth/login").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anUnknownKeyIdRefreshesTheKeySetOnce() {
        KeyPair next = SigningKeys.newKeyPair();
        TestTokens rotated = new TestTokens(next, "test-key-2");
        String token = rotated.valid(user(), List.of("user"));

        int fetches = FakeUpstreamResource.JWKS_FETCHES.get();
        given().auth().oauth2(token).get("/api/auth/echo").then().statusCode(401);
        assertEquals(fetches + 1, FakeUpstreamResource.JWKS_FETCHES.get(), "one refresh for an unknown kid");

        String current = FakeUpstreamResource.jwks;
        FakeUpstreamResource.jwks = current.replace("]}", "," + SigningKeys.jwk("test-key-2", (RSAPublicKey) next.getPublic()) + "]}");
        try {
            given().auth().oauth2(token).get("/api/auth/echo").then().statusCode(200);
            given().auth().oauth2(token()).get("/api/auth/echo").then().statusCode(200);
        } finally {
            FakeUpstreamResource.jwks = current;
        }
    }

    static Stream<Arguments> ambiguousPaths() {
        List<String> tails = List.of("%2e%2e/q/metrics", "%2E%2E/q/openapi", ".%2e/q/health", "%2e%2e/%2e%2e/q/metrics",
                "..%2fq/metrics", "%2e%2e%2fq%2fmetrics", "..%5cq/metrics", "%252e%252e/q/metrics", "..;/q/metrics",
                "../q/metrics", "./../q/metrics", "%2e%2e/internal/credentials/x/secret", "..%2finternal%2fcredentials",
                "x/..%2f..%2finternal/credentials/lookup", "%c0%ae%c0%ae/q/metrics", "%00/q/metrics", "x;/../q/metrics",
                "x//../q/metrics");
        List<Arguments> cases = new ArrayList<>();
        for (String prefix : List.of("/api/auth/", "/api/broken/", "/api/down/")) {
            for (String tail : tails) {
                cases.add(Arguments.of(prefix + tail));
            }
        }
        cases.add(Arguments.of("/api/auth/" + "a".repeat(3000)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguousPaths")
    void anAmbiguousPathIsRefusedBeforeRouting(String path) {
        int hits = FakeUpstreamResource.HITS.get();
        int broken = FakeUpstreamResource.BROKEN_HITS.get();
        int status = given().urlEncodingEnabled(false).auth().oauth2(token()).get(path).then()
                .contentType("application/problem+json").extract().statusCode();
        assertTrue(status == 400 || status == 404 || status == 414, path + " answered " + status);
        assertEquals(hits, FakeUpstreamResource.HITS.get(), "nothing reached the upstream");
        assertEquals(broken, FakeUpstreamResource.BROKEN_HITS.get());
    }

    @Test
    void theServiceTokenEndpointIsNotRouted() {
        int hits = FakeUpstreamResource.HITS.get();
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/api/auth/token").then().statusCode(404);
        given().auth().oauth2(token()).post("/api/auth/token").then().statusCode(404);
        for (String disguised : List.of("/api/auth/t%6fken", "/api/auth/%74%6f%6b%65%6e", "/api/a%75th/token", "/api/auth/token/")) {
            int status = given().urlEncodingEnabled(false).auth().oauth2(token()).post(disguised).then().extract().statusCode();
            assertTrue(status == 400 || status == 404, disguised + " answered " + status);
        }
        assertEquals(hits, FakeUpstreamResource.HITS.get());
    }

    @Test
    void requestMetricsNameTheRouteNeverThePath() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(token()).get("/api/auth/credentials-of/" + id).then().statusCode(200);
        String metrics = given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/auth/*\""), "requests are labelled with the route");
        assertTrue(!metrics.contains(id), "no id from a path appears in the metrics");
    }

    @Test
    void aKeyRemovedFromTheKeySetStopsBeingAcceptedEvenForTokensVerifiedBefore() throws Exception {
        KeyPair retiring = SigningKeys.newKeyPair();
        TestTokens signedByRetiring = new TestTokens(retiring, "test-key-retiring");
        String token = signedByRetiring.valid(user(), List.of("user"));
        String current = FakeUpstreamResource.jwks;
        FakeUpstreamResource.jwks = current.replace("]}", "," + SigningKeys.jwk("test-key-retiring", (RSAPublicKey) retiring.getPublic()) + "]}");
        try {
            given().auth().oauth2(token).get("/api/auth/echo").then().statusCode(200);
            given().auth().oauth2(token).get("/api/auth/echo").then().statusCode(200);
        } finally {
            FakeUpstreamResource.jwks = current;
        }
        // the periodic refresh (jwks-refresh-interval) runs; the remembered token is no longer honoured
        java.util.concurrent.CompletableFuture<Object> refreshed = new java.util.concurrent.CompletableFuture<>();
        vertx.runOnContext(ignored -> proxy.jwks().refresh()
                .onComplete(r -> refreshed.complete(r.succeeded() ? r.result().keySet() : r.cause())));
        assertEquals(java.util.Set.of("test-key-1"), refreshed.get(10, java.util.concurrent.TimeUnit.SECONDS));
        given().auth().oauth2(token).get("/api/auth/echo").then().statusCode(401);
        given().auth().oauth2(token()).get("/api/auth/echo").then().statusCode(200);
    }

    @Test
    void healthAndMetrics() {
        given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200).body("checks.name", hasItem("jwks"));
        given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200);
        // the public port serves the API only
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
    }
}
