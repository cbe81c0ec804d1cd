package dev.tradefleet.auth.session;

import dev.tradefleet.auth.ClientAddresses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SessionResource {

    public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
    }

    public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        static TokenPair of(SessionService.Session session) {
            return new TokenPair(session.accessToken(), session.refreshToken(), "Bearer", session.expiresInSeconds());
        }
    }

    @Inject
    SessionService sessions;
    @Inject
    ClientAddresses addresses;
    @Inject
    JsonWebToken token;

    @POST
    @Path("/login")
    public Uni<TokenPair> login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        return sessions.login(request.email(), request.password(), addresses.of(http)).map(TokenPair::of);
    }

    @POST
    @Path("/refresh")
    public Uni<TokenPair> refresh(@Valid @NotNull RefreshRequest request, @Context HttpServerRequest http) {
        return sessions.refresh(request.refreshToken(), addresses.of(http)).map(TokenPair::of);
    }

    /** Ends the caller's own session; a refresh token of anyone else's is ignored like an unknown one. */
    @POST
    @Path("/logout")
    @Authenticated
    public Uni<Response> logout(@Valid @NotNull RefreshRequest request, @Context HttpServerRequest http) {
        return sessions.logout(request.refreshToken(), token.getSubject(), addresses.of(http))
                .map(ignored -> Response.noContent().build());
    }
}
