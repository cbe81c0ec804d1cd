package dev.tradefleet.connector.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The connector's own access token from auth-service (OAuth2 client credentials), fetched once and shared until
 * shortly before it expires. Concurrent callers share one request.
 */
public final class ServiceTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private record Token(String value, Instant renewAt) {
    }

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final Clock clock;
    private CompletableFuture<Token> current;

    public ServiceTokens(URI authUrl, String clientId, String clientSecret, HttpClient http, Clock clock) {
        this.tokenUrl = authUrl.resolve("/auth/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
        this.clock = clock;
    }

    public synchronized CompletionStage<String> token() {
        CompletableFuture<Token> held = current;
        if (held == null || held.isCompletedExceptionally() || (held.isDone() && !clock.instant().isBefore(held.join().renewAt()))) {
            held = fetch();
            current = held;
        }
        return held.thenApply(Token::value);
    }

    /** The token was refused (e.g. the signing key rotated): the next call fetches a new one. */
    public synchronized void forget() {
        current = null;
    }

    private CompletableFuture<Token> fetch() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                throw new CredentialsUnavailable("auth-service did not answer the token request", failure);
            }
            if (response.statusCode() != 200) {
                // the body may echo what was sent; only the status is worth saying
                throw new CredentialsUnavailable("auth-service refused the connector's token request: HTTP " + response.statusCode(), null);
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                long lifetime = body.path("expires_in").asLong(300);
                return new Token(body.path("access_token").asText(),
                        clock.instant().plusSeconds(lifetime).minus(RENEW_BEFORE_EXPIRY));
            } catch (IOException e) {
                throw new CredentialsUnavailable("auth-service answered the token request with something that is not JSON", e);
            }
        });
    }
}
