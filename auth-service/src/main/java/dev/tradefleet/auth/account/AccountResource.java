package dev.tradefleet.auth.account;

import dev.tradefleet.auth.ClientAddresses;
import dev.tradefleet.web.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** No control characters anywhere in a display name. */
    private static final String PRINTABLE = "^[^\\p{Cntrl}]*$";

    public record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password,
            @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "must not contain control characters") String name) {

        public RegisterRequest {
            email = email == null ? null : email.strip();
        }
    }

    public record UserView(UUID id, String email, String name) {
    }

    public record MeView(UUID id, String email, String name, List<String> roles, Instant createdAt) {
    }

    @Inject
    AccountService accounts;
    @Inject
    JsonWebToken token;
    @Inject
    ClientAddresses addresses;

    @POST
    @Path("/register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@Valid @NotNull RegisterRequest request, @Context HttpServerRequest http) {
        return accounts.registerUser(request.email(), request.password(), request.name(), addresses.of(http))
                .map(user -> Response.status(Response.Status.CREATED)
                        .entity(new UserView(user.id(), user.email(), user.name())).build());
    }

    @GET
    @Path("/me")
    @Authenticated
    public Uni<MeView> me() {
        UUID id;
        try {
            id = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("This token does not belong to a user.");
        }
        return accounts.find(id).map(user -> {
            if (user == null) {
                throw ProblemException.unauthorized("The account of this token no longer exists.");
            }
            return new MeView(user.id(), user.email(), user.name(), user.roles(), user.createdAt());
        });
    }
}
