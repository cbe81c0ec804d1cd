package dev.tradefleet.auth;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request really came from, for login throttling and the audit log. {@code X-Forwarded-For} is
 * believed only from a trusted proxy (the gateway), compared as an IP literal: Quarkus' trusted-proxy check
 * resolved names per request, which cost a 5-second DNS timeout on every request on a machine without DNS.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final Set<String> trustedProxies;

    @Inject
    ClientAddresses(AuthConfig config) {
        this(config.trustedProxies());
    }

    ClientAddresses(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return of(peer, request.getHeader("X-Forwarded-For"));
    }

    String of(String peer, String forwardedFor) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = hops[hops.length - 1].trim();
        return IP_LITERAL.matcher(client).matches() ? client : peer;
    }
}
