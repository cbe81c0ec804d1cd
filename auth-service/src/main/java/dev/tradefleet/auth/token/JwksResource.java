package dev.tradefleet.auth.token;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

@Path("/auth/.well-known/jwks.json")
public class JwksResource {

    @Inject
    SigningKey key;

    @GET
    @PermitAll
    @Produces("application/jwk-set+json")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(key.publicJwks()).cacheControl(cache).build();
    }
}
