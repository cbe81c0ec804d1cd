package dev.tradefleet.connector.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Opens an account on the paper exchange and stores its key as the caller's credential, so that a user can
 * paper-trade without ever handling the paper exchange's admin key or their account's secret. The credential is
 * created with the caller's own token (credentials-service makes it theirs, exactly as if they had typed the
 * key in), and is then tested like every new key.
 */
public final class PaperAccounts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Optional<URI> paperExchange;
    private final Optional<String> adminKey;
    private final URI credentialsService;
    private final HttpClient http;

    public PaperAccounts(Optional<URI> paperExchange, Optional<String> adminKey, URI credentialsService, HttpClient http) {
        this.paperExchange = paperExchange;
        this.adminKey = adminKey;
        this.credentialsService = credentialsService;
        this.http = http;
    }

    /** The credential as credentials-service shows it (no secret), once both steps are done. */
    public CompletableFuture<JsonNode> open(String callerToken, String venue, Map<String, String> balances, String label) {
        if (paperExchange.isEmpty() || adminKey.isEmpty()) {
            return CompletableFuture.failedFuture(ProblemException.notFound("paper trading is not enabled on this fleet"));
        }
        return post(paperExchange.get().resolve("/sim/accounts"), Map.of("X-Admin-Key", adminKey.get()),
                        Map.of("venue", venue, "balances", balances))
                .thenCompose(opened -> {
                    if (opened.statusCode() == 400) {
                        // the paper exchange's own words on the balances: {"code":-1100,"msg":"Illegal balance for 'X': ..."}
                        throw ProblemException.badRequest("The balances are invalid.",
                                List.of(new Problem.FieldError("balances", read(opened.body()).path("msg").asText("invalid"))));
                    }
                    expect(opened, 200, "the paper exchange");
                    JsonNode keys = read(opened.body());
                    ObjectNode credential = JSON.createObjectNode().put("exchange", venue).put("environment", "paper")
                            .put("label", label).put("apiKey", keys.path("apiKey").asText()).put("secretKey", keys.path("secretKey").asText());
                    return post(credentialsService.resolve("/credentials"), Map.of("Authorization", "Bearer " + callerToken), credential);
                })
                .thenApply(stored -> {
                    if (stored.statusCode() == 400) {
                        throw ProblemException.badRequest("credentials-service refused the credential.",
                                List.of(new Problem.FieldError("label", read(stored.body()).path("detail").asText("invalid"))));
                    }
                    if (stored.statusCode() == 409) {
                        throw ProblemException.conflict("credential-exists", "you already have an active " + venue + " paper credential labelled "
                                + label + "; choose another label");
                    }
                    expect(stored, 201, "credentials-service");
                    return read(stored.body());
                });
    }

    private CompletableFuture<HttpResponse<String>> post(URI url, Map<String, String> headers, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).exceptionally(failure -> {
                throw unavailable("no answer from " + url.getHost() + ":" + url.getPort());
            });
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "upstream-unavailable", "Service unavailable", detail, List.of(), Map.of("Retry-After", "5"));
    }

    private static void expect(HttpResponse<String> response, int status, String who) {
        if (response.statusCode() != status) {
            // never the body: it may hold key material
            throw unavailable(who + " could not open the paper account now");
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw unavailable("an unreadable answer while opening the paper account");
        }
    }
}
