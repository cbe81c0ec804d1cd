package dev.tradefleet.credentials.keys;

import dev.tradefleet.credentials.vault.CredentialMaterial;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/credentials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class CredentialResource {

    static final String EXCHANGE = "binance|bitget|gateio|mexc";
    static final String ENVIRONMENT = "live|testnet|paper";
    static final String LABEL = "[\\p{L}\\p{N} _.\\-]+";
    /** Printable ASCII, no spaces: what every venue's keys are made of; no control characters. */
    static final String KEY_CHARS = "[\\x21-\\x7E]+";

    public record CreateRequest(
            @NotNull @Pattern(regexp = EXCHANGE, message = "must be one of binance, bitget, gateio, mexc") String exchange,
            @NotNull @Pattern(regexp = ENVIRONMENT, message = "must be one of live, testnet, paper") String environment,
            @NotBlank @Size(max = 64) @Pattern(regexp = LABEL, message = "may hold letters, digits, spaces, _ . -") String label,
            @NotBlank @Size(max = 512) @Pattern(regexp = KEY_CHARS, message = "must be printable characters without spaces") String apiKey,
            @NotBlank @Size(max = 512) @Pattern(regexp = KEY_CHARS, message = "must be printable characters without spaces") String secretKey,
            @Size(max = 128) @Pattern(regexp = KEY_CHARS, message = "must be printable characters without spaces") String passphrase) {

        @Override
        public String toString() {
            return "CreateRequest[" + exchange + "/" + environment + "/" + label + ", material redacted]";
        }
    }

    public record UpdateRequest(
            @Size(min = 1, max = 64) @Pattern(regexp = LABEL, message = "may hold letters, digits, spaces, _ . -") String label,
            @Size(min = 1, max = 512) @Pattern(regexp = KEY_CHARS, message = "must be printable characters without spaces") String apiKey,
            @Size(min = 1, max = 512) @Pattern(regexp = KEY_CHARS, message = "must be printable characters without spaces") String secretKey,
            @Size(max = 128) @Pattern(regexp = KEY_CHARS, message = "must be printable characters without spaces") String passphrase) {

        @Override
        public String toString() {
            return "UpdateRequest[" + label + ", material redacted]";
        }
    }

    public record ActiveRequest(@NotNull Boolean active) {
    }

    @Inject
    CredentialService service;
    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid @NotNull CreateRequest request) {
        return service.create(caller(), new CredentialService.NewCredential(request.exchange(), request.environment(),
                        request.label().strip(), new CredentialMaterial(request.apiKey(), request.secretKey(), request.passphrase())))
                .map(c -> Response.created(URI.create("/credentials/" + c.id())).entity(CredentialView.of(c)).build());
    }

    @GET
    public Uni<List<CredentialView>> list() {
        return service.list(caller()).map(all -> all.stream().map(CredentialView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<CredentialView> get(@PathParam("id") UUID id) {
        return service.get(caller(), id).map(CredentialView::of);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CredentialView> update(@PathParam("id") UUID id, @Valid @NotNull UpdateRequest request) {
        boolean replacesKey = request.apiKey() != null || request.secretKey() != null || request.passphrase() != null;
        if (replacesKey && (request.apiKey() == null || request.secretKey() == null)) {
            throw ProblemException.badRequest("Replacing the key needs the API key and the secret key together.", List.of(
                    new Problem.FieldError(request.apiKey() == null ? "apiKey" : "secretKey", "is required to replace the key")));
        }
        if (!replacesKey && request.label() == null) {
            throw ProblemException.badRequest("Nothing to change: send a label, new key material, or both.", List.of());
        }
        CredentialMaterial material = replacesKey ? new CredentialMaterial(request.apiKey(), request.secretKey(), request.passphrase()) : null;
        return service.update(caller(), id, request.label() == null ? null : request.label().strip(), material).map(CredentialView::of);
    }

    /** Sets whether the credential is active; repeating the request is harmless (unlike toggle). */
    @PUT
    @Path("/{id}/active")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CredentialView> setActive(@PathParam("id") UUID id, @Valid @NotNull ActiveRequest request) {
        return service.setActive(caller(), id, request.active()).map(CredentialView::of);
    }

    @PATCH
    @Path("/{id}/toggle")
    public Uni<CredentialView> toggle(@PathParam("id") UUID id) {
        return service.toggle(caller(), id).map(CredentialView::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(caller(), id).map(ignored -> Response.noContent().build());
    }

    private UUID caller() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only users have credentials.");
        }
    }
}
