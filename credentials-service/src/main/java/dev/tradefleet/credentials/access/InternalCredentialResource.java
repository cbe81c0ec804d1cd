package dev.tradefleet.credentials.access;

import dev.tradefleet.credentials.keys.CredentialService;
import dev.tradefleet.credentials.keys.CredentialView;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Service-to-service only (not routed by the gateway): key material for the exchange connector, and the
 * connector's verdict on whether a key works. Any other caller — a user, an admin, another service — gets 403.
 */
@Path("/internal/credentials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ConnectorRole.ROLE)
public class InternalCredentialResource {

    public record SecretView(UUID id, UUID userId, String exchange, String environment, String label, boolean active,
                             String apiKey, String secretKey, String passphrase) {

        static SecretView of(SecretAccess.Opened opened) {
            var c = opened.credential();
            var m = opened.material();
            return new SecretView(c.id(), c.userId(), c.exchange(), c.environment(), c.label(), c.active(), m.apiKey(),
                    m.secretKey(), m.passphrase());
        }

        @Override
        public String toString() {
            return "SecretView[" + id + ", redacted]";
        }
    }

    public record StatusReport(@NotNull @Pattern(regexp = "valid|invalid", message = "must be valid or invalid") String status,
                               @Size(max = 500) String reason) {
    }

    @Inject
    SecretAccess access;
    @Inject
    CredentialService credentials;
    @Inject
    JsonWebToken token;

    @GET
    @Path("/{id}/secret")
    public Uni<SecretView> secret(@PathParam("id") UUID id) {
        return access.byId(id, client()).map(SecretView::of);
    }

    @GET
    @Path("/lookup")
    public Uni<SecretView> lookup(@QueryParam("userId") UUID userId, @QueryParam("exchange") String exchange,
                                  @QueryParam("environment") String environment, @QueryParam("label") String label) {
        String client = client();
        List<Problem.FieldError> missing = new ArrayList<>();
        if (userId == null) {
            missing.add(new Problem.FieldError("userId", "is required"));
        }
        if (exchange == null) {
            missing.add(new Problem.FieldError("exchange", "is required"));
        }
        if (environment == null) {
            missing.add(new Problem.FieldError("environment", "is required"));
        }
        if (label == null) {
            missing.add(new Problem.FieldError("label", "is required"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("The lookup needs a user, an exchange, an environment and a label.", missing);
        }
        return access.activeFor(userId, exchange, environment, label, client).map(SecretView::of);
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CredentialView> status(@PathParam("id") UUID id, @Valid @NotNull StatusReport report) {
        return credentials.reportStatus(id, report.status(), report.reason()).map(CredentialView::of);
    }

    /** Who read the material, for the audit trail (the role already proved it is the connector). */
    private String client() {
        Object client = token.getClaim("client_id");
        return String.valueOf(client);
    }
}
