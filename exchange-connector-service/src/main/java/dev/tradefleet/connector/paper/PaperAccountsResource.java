package dev.tradefleet.connector.paper;

import dev.tradefleet.connector.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;

/** {@code POST /connector/paper-accounts}: a funded paper account, stored as the caller's credential. Users only. */
@Path("/connector/paper-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class PaperAccountsResource {

    /**
     * @param venue    the venue the paper account trades as: binance (the default) or mexc, each with its own accounts
     * @param balances what the account starts with, asset to decimal string, e.g. {@code {"USDT": "10000"}}
     * @param label    the credential's label, "paper" unless given
     */
    public record NewPaperAccount(@Pattern(regexp = "binance|mexc", message = "must be binance or mexc") String venue,
                                  @NotNull @NotEmpty @Size(max = 20) Map<@NotNull @Pattern(regexp = "[A-Z0-9]{2,10}",
                                          message = "must be an asset such as USDT") String,
                                          @NotNull @Pattern(regexp = "[0-9]{1,12}(\\.[0-9]{1,8})?",
                                                  message = "must be a decimal string with at most 8 decimals") String> balances,
                                  @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+( [A-Za-z0-9_.-]+)*",
                                          message = "words of letters, digits, _ . - with single spaces between") String label) {
    }

    @Inject
    PaperAccounts accounts;
    @Inject
    JsonWebToken caller;

    @POST
    public Uni<Response> open(@Valid @NotNull NewPaperAccount request) {
        String venue = request.venue() == null ? "binance" : request.venue();
        String label = request.label() == null ? "paper" : request.label();
        return Uni.createFrom().completionStage(() -> accounts.open(caller.getRawToken(), venue, request.balances(), label))
                .onFailure().transform(Blocking::cause)
                .map(credential -> Response.status(201).entity(credential).build());
    }
}
