package dev.tradefleet.auth.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tradefleet.auth.AuthConfig;
import dev.tradefleet.auth.ClientAddresses;
import dev.tradefleet.auth.session.LoginThrottlePolicy;
import dev.tradefleet.auth.session.LoginThrottleRepository;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * OAuth 2.0 client-credentials grant for service-to-service calls: client id and secret (form fields or
 * HTTP Basic) for a short-lived token with group {@code service}.
 */
@Path("/auth/token")
public class ServiceTokenResource {

    private static final Logger AUDIT = Logger.getLogger("audit");

    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn) {
    }

    @Inject
    AuthConfig config;
    @Inject
    AccessTokens tokens;
    @Inject
    Pool pool;
    @Inject
    LoginThrottleRepository throttles;
    @Inject
    ClientAddresses addresses;

    /** Wrong secrets from one address are limited like failed logins of one account. */
    private LoginThrottlePolicy policy;

    @PostConstruct
    void limits() {
        AuthConfig.Throttle t = config.throttle();
        policy = new LoginThrottlePolicy(new LoginThrottlePolicy.Limits(t.window(), Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO,
                t.lockAccountAfter(), t.lockDuration()));
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<TokenResponse> token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                                    @FormParam("client_secret") String clientSecret,
                                    @HeaderParam("Authorization") String authorization, @Context HttpServerRequest http) {
        if (!"client_credentials".equals(grantType)) {
            throw ProblemException.badRequest("Only the client_credentials grant is supported.",
                    List.of(new Problem.FieldError("grant_type", "must be client_credentials")));
        }
        String[] basic = basicCredentials(authorization);
        String id = basic != null ? basic[0] : clientId;
        String secret = basic != null ? basic[1] : clientSecret;
        AuthConfig.ServiceClient client = id == null ? null : config.clients().get(id);
        boolean valid = client != null && secret != null && constantTimeEquals(client.secret(), secret);
        String key = "service-token:" + addresses.of(http);
        Instant now = Instant.now();
        // counted before the secret is judged, under the row's lock, and taken back when it was right
        return pool.withTransaction(tx -> throttles.update(tx, key, s -> policy.countAttempt(s, now))).flatMap(counted -> {
            Optional<Duration> locked = LoginThrottlePolicy.lockedFor(counted.before(), now);
            if (locked.isPresent()) {
                return Uni.createFrom().failure(ProblemException.tooManyRequests("Too many failed attempts; try again later.",
                        (locked.get().toMillis() + 999) / 1000));
            }
            if (!valid) {
                AUDIT.infof("action=service-token-refused client=%s", id == null ? "-" : id.replaceAll("[^A-Za-z0-9._-]", "?"));
                return Uni.createFrom().failure(ProblemException.unauthorized("Unknown client or wrong secret."));
            }
            AUDIT.infof("action=service-token-issued client=%s", id);
            return pool.withTransaction(tx -> throttles.update(tx, key, policy::withdrawAttempt))
                    .flatMap(ignored -> tokens.forService(id))
                    .map(t -> new TokenResponse(t, "Bearer", tokens.serviceTokenTtl().toSeconds()));
        });
    }

    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
