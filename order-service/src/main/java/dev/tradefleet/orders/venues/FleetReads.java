package dev.tradefleet.orders.venues;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.orders.OrdersConfig;
import dev.tradefleet.orders.placing.SymbolRules;
import dev.tradefleet.orders.trader.Trader;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What order-service reads from the rest of the fleet before it places an order, each time with the trader's own
 * token, so that credentials-service and the connector answer only for the trader: their credentials, the venue's
 * symbols and prices, and the account's balances. A service that does not answer (or answers what it should not)
 * makes the request fail with 503 and {@code Retry-After} (nothing placed); a 404 means the thing asked for does not
 * exist for this trader; a refused token is the trader's 401.
 */
@ApplicationScoped
public class FleetReads {

    private static final Logger LOG = Logger.getLogger(FleetReads.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A credential as its owner may see it: never its key material. */
    public record Credential(UUID id, String exchange, String environment, String label, boolean active, String status,
                             String statusReason) {
    }

    public record Balance(String asset, BigDecimal free, BigDecimal locked) {

        public BigDecimal total() {
            return free.add(locked);
        }
    }

    private record Ticker(String symbol, BigDecimal lastPrice) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();

    @Inject
    OrdersConfig config;

    public Uni<List<Credential>> credentials(Trader trader) {
        return get(trader, config.credentialsUrl(), "/credentials", "credentials-service", new TypeReference<List<Credential>>() { })
                .map(found -> found.orElseGet(List::of));
    }

    public Uni<Optional<List<SymbolRules>>> symbols(Trader trader, String exchange, String environment) {
        return get(trader, config.connectorUrl(), "/connector/markets/" + segment(exchange) + "/" + segment(environment) + "/symbols",
                "the exchange connector", new TypeReference<>() { });
    }

    /** The symbol's last traded price on the venue; empty where the venue has no such market or no trade yet. */
    public Uni<Optional<BigDecimal>> lastPrice(Trader trader, String exchange, String environment, String symbol) {
        return this.<Ticker>get(trader, config.connectorUrl(), "/connector/markets/" + segment(exchange) + "/" + segment(environment)
                        + "/symbols/" + segment(symbol) + "/ticker", "the exchange connector", new TypeReference<>() { })
                .map(ticker -> ticker.map(Ticker::lastPrice).filter(price -> price != null && price.signum() > 0));
    }

    public Uni<List<Balance>> balances(Trader trader, UUID credentialId) {
        return get(trader, config.connectorUrl(), "/connector/credentials/" + credentialId + "/balances", "the exchange connector",
                new TypeReference<List<Balance>>() { })
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No credential " + credentialId + ".")));
    }

    private <T> Uni<Optional<T>> get(Trader trader, URI base, String path, String service, TypeReference<T> type) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(config.readTimeout())
                .header("Authorization", "Bearer " + trader.token()).header("Accept", "application/json").GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(failure -> {
                    LOG.warnf("%s did not answer %s: %s", service, path, failure.toString());
                    return unavailable(service);
                })
                .map(response -> {
                    switch (response.statusCode()) {
                        case 200 -> {
                            try {
                                return Optional.of(JSON.readValue(response.body(), type));
                            } catch (IOException e) {
                                LOG.warnf("%s answered %s unreadably", service, path);
                                throw unavailable(service);
                            }
                        }
                        case 404 -> {
                            return Optional.<T>empty();
                        }
                        // the caller's token, good enough for the gateway and for us, was refused there (it expired meanwhile)
                        case 401 -> throw ProblemException.unauthorized("Your session was refused by " + service + ": sign in again.");
                        case 403 -> throw new ProblemException(403, "forbidden", "Forbidden", service + " does not allow this for you.");
                        // the venue refused a read with the trader's key (a key without the permission, say)
                        case 422 -> throw new ProblemException(422, "order-refused", "Order refused", detailOf(response.body()),
                                List.of(new Problem.FieldError("exchange", detailOf(response.body()))), Map.of());
                        default -> {
                            // anything else (a 400 is a request of ours it could not read) is not the trader's to fix
                            LOG.warnf("%s answered %s with %d", service, path, response.statusCode());
                            throw unavailable(service);
                        }
                    }
                });
    }

    private static String detailOf(String problem) {
        try {
            return JSON.readTree(problem).path("detail").asText("no reason given");
        } catch (IOException e) {
            return "no reason given";
        }
    }

    private static ProblemException unavailable(String service) {
        return new ProblemException(503, "upstream-unavailable", "Service unavailable",
                "Nothing was placed: " + service + " is not answering now. Try again shortly.", List.of(), Map.of("Retry-After", "5"));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
