package dev.tradefleet.credentials.access;

import dev.tradefleet.credentials.CredentialsConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives the exchange connector's service token the role {@value #ROLE}, so that key material is guarded by
 * {@code @RolesAllowed(ConnectorRole.ROLE)} on the resource, not by a check each method must remember.
 */
@ApplicationScoped
public class ConnectorRole implements SecurityIdentityAugmentor {

    public static final String ROLE = "credential-reader";

    @Inject
    CredentialsConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole("service") || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Object client = jwt.getClaim("client_id");
        if (client == null || !config.connectorClient().equals(client.toString())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(ROLE).build());
    }
}
