package dev.tradefleet.gateway.proxy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which request and response headers may cross the gateway: never hop-by-hop ones (RFC 9110 §7.6.1). */
public final class ForwardedHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");
    /** Set by the gateway itself; a client must not be able to forge them. */
    private static final Set<String> GATEWAY_OWNED = Set.of("x-forwarded-for", "x-forwarded-host", "x-forwarded-proto",
            "x-forwarded-port", "forwarded", "x-real-ip");

    private ForwardedHeaders() {
    }

    /** The header names a {@code Connection} header value marks as hop-by-hop for this message. */
    public static Set<String> namedIn(String connectionHeader) {
        if (connectionHeader == null) {
            return Set.of();
        }
        return Arrays.stream(connectionHeader.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public static boolean forwardRequestHeader(String name, Set<String> connectionNamed) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !GATEWAY_OWNED.contains(lower) && !connectionNamed.contains(lower);
    }

    public static boolean forwardResponseHeader(String name, Set<String> connectionNamed) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !connectionNamed.contains(lower);
    }
}
