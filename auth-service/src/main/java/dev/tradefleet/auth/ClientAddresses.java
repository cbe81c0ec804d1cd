package dev.tradefleet.auth;

import dev.tradefleet.web.TrustedProxies;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The address a request really came from, for throttling and the audit log: the peer, or what a configured
 * trusted proxy (the gateway) says in {@code X-Forwarded-For}. IP literals only: Quarkus' own trusted-proxy
 * check resolved names per request, which cost a 5-second DNS timeout on every request on a machine without DNS.
 */
@ApplicationScoped
public class ClientAddresses {

    private final TrustedProxies trustedProxies;

    @Inject
    ClientAddresses(AuthConfig config) {
        this.trustedProxies = TrustedProxies.of(config.trustedProxies().orElse(List.of()));
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        // every X-Forwarded-For line, in order: a proxy may add a line of its own rather than append to the client's
        java.util.List<String> lines = request.headers().getAll("X-Forwarded-For");
        return trustedProxies.clientOf(peer, lines.isEmpty() ? null : String.join(",", lines));
    }
}
