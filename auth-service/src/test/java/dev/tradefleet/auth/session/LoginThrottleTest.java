package dev.tradefleet.auth.session;

import dev.tradefleet.auth.AuthTestSupport;
import dev.tradefleet.testing.quarkus.KafkaResource;
import dev.tradefleet.testing.quarkus.PostgresResource;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.tradefleet.auth.AuthTestSupport.PASSWORD;
import static dev.tradefleet.auth.AuthTestSupport.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenKeysResource.class)
class LoginThrottleTest {

    @Inject
    Pool pool;
    @Inject
    LoginThrottleRepository throttles;

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String email = AuthTestSupport.uniqueEmail();
        AuthTestSupport.register(email, PASSWORD, "Target").statusCode(201);
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password " + i).statusCode(401);
        }
        ExtractableResponse<Response> locked = login(email, PASSWORD).statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tradefleet.dev/problems/rate-limited")).extract();
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
    }

    @Test
    void anUnknownEmailLooksExactlyLikeAWrongPassword() {
        String known = AuthTestSupport.uniqueEmail();
        AuthTestSupport.register(known, PASSWORD, "Known").statusCode(201);
        String unknown = AuthTestSupport.uniqueEmail();

        String wrongPassword = login(known, "not the password").statusCode(401).extract().path("detail");
        String noSuchAccount = login(unknown, "not the password").statusCode(401).extract().path("detail");
        assertEquals(wrongPassword, noSuchAccount);

        // and an unknown address is throttled the same way, so a 429 reveals nothing either
        for (int i = 0; i < 4; i++) {
            login(unknown, "guess " + i).statusCode(401);
        }
        login(unknown, "guess").statusCode(429);
    }

    @Test
    void parallelGuessesCannotExceedTheAccountsFailureLimit() throws Exception {
        String email = AuthTestSupport.uniqueEmail();
        AuthTestSupport.register(email, PASSWORD, "Target").statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 30; i++) {
                int guess = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return login(email, "parallel guess " + guess).extract().statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new HashMap<>();
            for (Future<Integer> answer : answers) {
                byStatus.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(5, byStatus.getOrDefault(401, 0), "exactly the limit of guesses reached the password check: " + byStatus);
            assertEquals(25, byStatus.getOrDefault(429, 0), byStatus.toString());
        } finally {
            pool.shutdownNow();
        }
        login(email, PASSWORD).statusCode(429);
    }

    @Test
    void registrationsAreLimitedPerClientAddress() {
        String address = AuthTestSupport.randomAddress();
        for (int i = 0; i < 10; i++) {
            registerFrom(address).statusCode(201);
        }
        registerFrom(address).statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        // other addresses are not affected
        registerFrom(AuthTestSupport.randomAddress()).statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse registerFrom(String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", AuthTestSupport.uniqueEmail(), "password", PASSWORD, "name", "Bulk"))
                .post("/auth/register").then();
    }

    @Test
    void expiredThrottleRowsArePrunedLockedOnesKept() {
        String tag = UUID.randomUUID().toString();
        pool.query("INSERT INTO login_throttle (subject, failures, window_started, locked_until) VALUES"
                + " ('account:old-" + tag + "', 3, now() - interval '2 hours', NULL),"
                + " ('account:locked-" + tag + "', 10, now() - interval '2 hours', now() + interval '10 minutes'),"
                + " ('account:fresh-" + tag + "', 1, now(), NULL)").execute().await().indefinitely();
        throttles.prune(pool, Instant.now().minus(Duration.ofHours(1))).await().indefinitely();
        List<String> left = pool.query("SELECT subject FROM login_throttle WHERE subject LIKE '%" + tag + "' ORDER BY subject")
                .execute().await().indefinitely().stream().map(r -> r.getString(0)).toList();
        assertEquals(List.of("account:fresh-" + tag, "account:locked-" + tag), left);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        String email = AuthTestSupport.uniqueEmail();
        AuthTestSupport.register(email, PASSWORD, "Forgetful").statusCode(201);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3; i++) {
                login(email, "typo " + i).statusCode(401);
            }
            login(email, PASSWORD).statusCode(200);
        }
    }
}
