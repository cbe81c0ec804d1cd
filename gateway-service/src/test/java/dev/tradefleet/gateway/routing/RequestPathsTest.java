package dev.tradefleet.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/auth/%2e%2e/q/metrics", "/api/auth/%2E%2E/q/metrics", "/api/auth/.%2e/q/metrics", "/api/auth/%2e./q",
            "/api/auth/%2e/q", "/api/auth/..%2fq/metrics", "/api/auth/..%2Fq", "/api/auth%2f..%2fq",
            "/api/auth/..%5cq", "/api/auth/..\\q", "/api/auth/%252e%252e/q/metrics", "/api/auth/%25", "/api/auth/..;/q/metrics",
            "/api/auth;x=1/me", "/api/auth/me;jsessionid=1", "/api/auth/../q/metrics", "/api/auth/./me", "/api/auth/..",
            "/api/auth//me", "//api/auth/me", "/api/auth/me/", "/api/auth/%00", "/api/auth/%0a", "/api/auth/%7f",
            "/api/auth/%zz", "/api/auth/%2", "/api/auth/%c0%ae%c0%ae/q", "/api/auth/t%6fken", "/api/auth/%74oken", "/api/a%75th/me", "/api/auth/x%2Dy", "/api/auth/%7e",
            "/api/auth/%e0%80%ae", "/api/auth/%ff", "/api/auth/%c3",
            "/api/auth/m e", "/api/auth/m\u00e9", "/api/auth/%3B", "api/auth/me", ""
    })
    void anAmbiguousPathIsRefused(String path) {
        assertTrue(RequestPaths.check(path).isPresent(), path);
        assertEquals(400, RequestPaths.check(path).get().status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/me", "/api/credentials/6f1c2f2e-8d0a-4d43-9a34-7b7b0b6f3f5e",
            "/api/auth/.well-known/jwks.json", "/api/x/a%20b", "/api/x/user%40example.com", "/api/x/a-b_c~d", "/api/x/caf%C3%A9", "/"})
    void anUnambiguousPathPasses(String path) {
        assertTrue(RequestPaths.check(path).isEmpty(), path);
    }

    @ParameterizedTest
    @ValueSource(ints = {2049, 100_000})
    void anOverlongPathIsRefusedAs414(int length) {
        String path = "/api/auth/" + "a".repeat(length);
        assertEquals(414, RequestPaths.check(path).orElseThrow().status());
    }
}
