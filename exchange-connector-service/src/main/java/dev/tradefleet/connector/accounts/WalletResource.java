package dev.tradefleet.connector.accounts;

import dev.tradefleet.connector.markets.VenueProblems;
import dev.tradefleet.connector.venue.VenueWallet;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A venue account's wallet, read from the venue now: the networks of an asset, the deposit address on one, and
 * deposits and withdrawals since a moment (by default the last 7 days). For the account's owner, or a service
 * (market making finds where to send funds, and whether they arrived).
 */
@Path("/connector/credentials/{credentialId}/wallet")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WalletResource {

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern NETWORK = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Duration DEFAULT_HISTORY = Duration.ofDays(7);

    @Inject
    AccountAccess access;
    @Inject
    JsonWebToken caller;
    @Inject
    Clock clock;

    @GET
    @Path("/networks")
    public Uni<List<VenueWallet.Network>> networks(@PathParam("credentialId") UUID credentialId, @QueryParam("asset") String asset) {
        String checked = checked("asset", asset, ASSET);
        return wallet(credentialId, wallet -> wallet.networks(checked));
    }

    @GET
    @Path("/deposit-address")
    public Uni<VenueWallet.DepositAddress> depositAddress(@PathParam("credentialId") UUID credentialId, @QueryParam("asset") String asset,
                                                          @QueryParam("network") String network) {
        String checkedAsset = checked("asset", asset, ASSET);
        String checkedNetwork = checked("network", network, NETWORK);
        return wallet(credentialId, wallet -> wallet.depositAddress(checkedAsset, checkedNetwork));
    }

    @GET
    @Path("/deposits")
    public Uni<List<VenueWallet.Deposit>> deposits(@PathParam("credentialId") UUID credentialId, @QueryParam("asset") String asset,
                                                   @QueryParam("since") String since) {
        String checked = checked("asset", asset, ASSET);
        Instant from = since(since);
        return wallet(credentialId, wallet -> wallet.deposits(checked, from));
    }

    @GET
    @Path("/withdrawals")
    public Uni<List<VenueWallet.Withdrawal>> withdrawals(@PathParam("credentialId") UUID credentialId, @QueryParam("asset") String asset,
                                                         @QueryParam("since") String since) {
        String checked = checked("asset", asset, ASSET);
        Instant from = since(since);
        return wallet(credentialId, wallet -> wallet.withdrawals(checked, from));
    }

    private <T> Uni<T> wallet(UUID credentialId, Function<VenueWallet, CompletionStage<T>> call) {
        return access.sessionFor(caller, credentialId)
                .flatMap(session -> Uni.createFrom().completionStage(() -> call.apply(session.client().wallet())))
                .onFailure().transform(VenueProblems::of);
    }

    private Instant since(String since) {
        if (since == null || since.isEmpty()) {
            return clock.instant().minus(DEFAULT_HISTORY);
        }
        Instant parsed;
        try {
            parsed = Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw invalid("since", "must be an instant such as 2026-11-01T00:00:00Z");
        }
        if (parsed.isAfter(clock.instant())) {
            throw invalid("since", "must not be in the future");
        }
        return parsed;
    }

    private static String checked(String field, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(field, "is required and must match " + pattern.pattern());
        }
        return value;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("The request has an invalid " + field + ".", List.of(new Problem.FieldError(field, message)));
    }
}
