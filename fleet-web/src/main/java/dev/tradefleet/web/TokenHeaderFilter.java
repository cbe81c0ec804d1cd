package dev.tradefleet.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a bearer token whose header is not one the fleet's auth-service issues, before any verifier sees it:
 * RS256 with a key id, and none of the headers that point a verifier at keys of the sender's choosing. A token
 * without a key id is validly signed only by accident of configuration; the gateway refuses it, and so does every
 * service behind it, so calling a service directly is no way around the gateway's rule.
 */
public class TokenHeaderFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FOREIGN_KEY_HEADERS = Set.of("jku", "x5u", "jwk", "x5c", "crit");

    @RouteFilter(890)
    void check(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && !acceptable(authorization.substring(7).trim())) {
            RoutingProblems.send(context, new ProblemException(401, "unauthorized", "Unauthorized",
                    "The token is not one this fleet issues.", List.of(), Map.of("WWW-Authenticate", "Bearer")));
            return;
        }
        context.next();
    }

    private static boolean acceptable(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            if (!header.isObject() || !"RS256".equals(header.path("alg").asText()) || !header.path("kid").isTextual()
                    || header.path("kid").asText().isBlank()) {
                return false;
            }
            for (String name : FOREIGN_KEY_HEADERS) {
                if (header.has(name)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
