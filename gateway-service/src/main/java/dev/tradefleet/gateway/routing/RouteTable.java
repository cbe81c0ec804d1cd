package dev.tradefleet.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps public paths to services: {@code /api/<prefix>/**} goes to the service owning {@code <prefix>}, with
 * {@code /api} stripped ({@code /api/auth/login} → auth-service {@code /auth/login}). Longest prefix wins;
 * a prefix matches whole path segments only.
 */
public final class RouteTable {

    public static final String PUBLIC_ROOT = "/api";

    public record Route(String name, String prefix, URI upstream, Duration timeout) {
    }

    /** Where a request goes: the route and the path to ask the upstream for. */
    public record Target(Route route, String upstreamPath) {
    }

    /** An endpoint anyone may call without a token, e.g. {@code POST /api/auth/login}. */
    public record PublicEndpoint(String method, String path) {

        public static PublicEndpoint parse(String spec) {
            String[] parts = spec.trim().split("\\s+");
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("a public endpoint is 'METHOD /path', not '" + spec + "'");
            }
            return new PublicEndpoint(parts[0].toUpperCase(java.util.Locale.ROOT), parts[1]);
        }
    }

    private final List<Route> routes;
    private final Set<PublicEndpoint> publicEndpoints;
    private final Set<String> blockedPaths;

    /**
     * @param blockedPaths paths (and everything below them) that exist on a service but are not for the public,
     *                     e.g. {@code /api/auth/token}: the gateway answers 404 as if nothing were there
     */
    public RouteTable(List<Route> routes, Set<PublicEndpoint> publicEndpoints, Set<String> blockedPaths) {
        for (Route route : routes) {
            if (!route.prefix().startsWith(PUBLIC_ROOT + "/") || route.prefix().endsWith("/")) {
                throw new IllegalArgumentException("route " + route.name() + ": a prefix looks like /api/<service>, not " + route.prefix());
            }
        }
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
        this.publicEndpoints = Set.copyOf(publicEndpoints);
        this.blockedPaths = Set.copyOf(blockedPaths);
    }

    private boolean isBlocked(String path) {
        for (String blocked : blockedPaths) {
            if (path.equals(blocked) || path.startsWith(blocked + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The route for a path that {@link RequestPaths#check} accepted; empty when no service answers there. */
    public Optional<Target> resolve(String path) {
        if (RequestPaths.check(path).isPresent() || isBlocked(path)) {
            return Optional.empty();
        }
        for (Route route : routes) {
            if (path.equals(route.prefix()) || path.startsWith(route.prefix() + "/")) {
                return Optional.of(new Target(route, path.substring(PUBLIC_ROOT.length())));
            }
        }
        return Optional.empty();
    }

    public boolean isPublic(String method, String path) {
        return publicEndpoints.contains(new PublicEndpoint(method, path));
    }
}
