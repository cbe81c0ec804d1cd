package dev.tradefleet.credentials.rotation;

import dev.tradefleet.credentials.keys.CredentialService;
import dev.tradefleet.credentials.keys.CredentialView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** For administrators: any user's credential metadata (never key material) and key rotation. */
@Path("/credentials/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminCredentialResource {

    @Inject
    CredentialService credentials;
    @Inject
    ReEncryption reEncryption;

    @GET
    @Path("/users/{userId}")
    public Uni<List<CredentialView>> ofUser(@PathParam("userId") UUID userId) {
        return credentials.list(userId).map(all -> all.stream().map(CredentialView::of).toList());
    }

    /** Re-encrypts every record under the current primary key, in the background; call again to resume. */
    @POST
    @Path("/re-encryption")
    public Uni<Response> reEncrypt() {
        return reEncryption.start().map(progress -> Response.accepted(progress).build());
    }

    @GET
    @Path("/re-encryption")
    public Uni<ReEncryption.Progress> progress() {
        return reEncryption.progress();
    }
}
