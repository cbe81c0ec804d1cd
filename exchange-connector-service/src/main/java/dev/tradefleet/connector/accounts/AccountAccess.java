package dev.tradefleet.connector.accounts;

import dev.tradefleet.connector.Blocking;
import dev.tradefleet.connector.sessions.CredentialsUnavailable;
import dev.tradefleet.connector.sessions.UnknownCredential;
import dev.tradefleet.connector.sessions.VenueSession;
import dev.tradefleet.connector.sessions.VenueSessions;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The only way a REST caller reaches a venue account: a user gets a session of their own credentials only, a
 * service (order-service, market-making) any; someone else's credential answers exactly as a missing one does,
 * so ids cannot be probed. Resources never see {@link VenueSessions}, so no endpoint can forget the check.
 */
@ApplicationScoped
public class AccountAccess {

    private static final String SERVICE_ROLE = "service";

    @Inject
    VenueSessions sessions;

    public Uni<VenueSession> sessionFor(JsonWebToken caller, UUID credentialId) {
        return Uni.createFrom().completionStage(() -> sessions.session(credentialId))
                .onFailure().transform(failure -> problem(Blocking.cause(failure), credentialId))
                .map(session -> {
                    boolean service = caller.getGroups().contains(SERVICE_ROLE);
                    if (!service && !session.userId().toString().equals(caller.getSubject())) {
                        throw notFound(credentialId);
                    }
                    return session;
                });
    }

    private static Throwable problem(Throwable failure, UUID credentialId) {
        if (failure instanceof UnknownCredential) {
            return notFound(credentialId);
        }
        if (failure instanceof CredentialsUnavailable) {
            return new ProblemException(503, "credentials-unavailable", "Credentials unavailable",
                    "the connector cannot read credentials right now; try again shortly", List.of(), Map.of("Retry-After", "5"));
        }
        return failure;
    }

    private static ProblemException notFound(UUID credentialId) {
        return ProblemException.notFound("no credential " + credentialId);
    }
}
