package dev.tradefleet.connector.accounts;

import dev.tradefleet.connector.markets.VenueProblems;
import dev.tradefleet.connector.venue.Balance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.UUID;

/** A venue account's balances, read from the venue now: for its owner, or for a service sizing an order. */
@Path("/connector/credentials/{credentialId}/balances")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BalancesResource {

    @Inject
    AccountAccess access;
    @Inject
    JsonWebToken caller;

    @GET
    public Uni<List<Balance>> balances(@PathParam("credentialId") UUID credentialId) {
        return access.sessionFor(caller, credentialId)
                .flatMap(session -> Uni.createFrom().completionStage(() -> session.client().balances()))
                .onFailure().transform(VenueProblems::of);
    }
}
