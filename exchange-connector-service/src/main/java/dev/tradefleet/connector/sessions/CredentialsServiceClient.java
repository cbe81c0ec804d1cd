package dev.tradefleet.connector.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * credentials-service's internal API, called with the connector's service token: key material by id and the
 * verdict on a key. A refused token is fetched anew once; 404 means the credential does not exist.
 */
public final class CredentialsServiceClient implements KeyMaterialSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final ServiceTokens tokens;
    private final HttpClient http;

    public CredentialsServiceClient(URI baseUrl, ServiceTokens tokens, HttpClient http) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.http = http;
    }

    @Override
    public CompletionStage<KeyMaterial> material(UUID credentialId) {
        return call(token -> HttpRequest.newBuilder(baseUrl.resolve("/internal/credentials/" + credentialId + "/secret"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token).GET().build(), true)
                .thenApply(response -> {
                    if (response.statusCode() == 404) {
                        throw new UnknownCredential("no credential " + credentialId);
                    }
                    expectOk(response, "reading credential " + credentialId);
                    try {
                        JsonNode json = JSON.readTree(response.body());
                        return new KeyMaterial(UUID.fromString(json.path("id").asText()), UUID.fromString(json.path("userId").asText()),
                                json.path("exchange").asText(), json.path("environment").asText(), json.path("active").asBoolean(),
                                json.path("apiKey").asText(), json.path("secretKey").asText(),
                                json.path("passphrase").isNull() ? null : json.path("passphrase").asText(null));
                    } catch (IOException | IllegalArgumentException e) {
                        throw new CredentialsUnavailable("credentials-service answered credential " + credentialId + " unreadably", null);
                    }
                });
    }

    @Override
    public CompletionStage<Void> reportStatus(UUID credentialId, boolean valid, String reason) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("status", valid ? "valid" : "invalid", "reason", reason == null ? "" : reason));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call(token -> HttpRequest.newBuilder(baseUrl.resolve("/internal/credentials/" + credentialId + "/status"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), true)
                .thenAccept(response -> {
                    if (response.statusCode() == 404) {
                        throw new UnknownCredential("no credential " + credentialId);
                    }
                    expectOk(response, "reporting the status of credential " + credentialId);
                });
    }

    private CompletionStage<HttpResponse<String>> call(Function<String, HttpRequest> request, boolean retryOnRefusedToken) {
        return tokens.token()
                .thenCompose(token -> http.sendAsync(request.apply(token), HttpResponse.BodyHandlers.ofString())
                        .exceptionally(failure -> {
                            throw new CredentialsUnavailable("credentials-service did not answer", failure);
                        }))
                .thenCompose(response -> {
                    if (response.statusCode() == 401 && retryOnRefusedToken) {
                        tokens.forget();
                        return call(request, false);
                    }
                    return CompletableFuture.completedFuture(response);
                });
    }

    private static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            // never the body: for a secret read it could be the material itself
            throw new CredentialsUnavailable(what + ": credentials-service answered HTTP " + response.statusCode(), null);
        }
    }
}
