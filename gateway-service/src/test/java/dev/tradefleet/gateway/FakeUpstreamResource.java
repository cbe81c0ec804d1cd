package dev.tradefleet.gateway;

import dev.tradefleet.embedded.FreePorts;
import dev.tradefleet.testing.quarkus.TokenKeysResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for auth-service behind the gateway: it publishes the JWKS, echoes what
 * reached it, answers slowly or with 500 on request, and counts every hit so tests can prove that refused
 * requests never got through.
 */
public class FakeUpstreamResource implements QuarkusTestResourceLifecycleManager {

    public static final AtomicInteger HITS = new AtomicInteger();
    public static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    public static final AtomicInteger BROKEN_HITS = new AtomicInteger();
    public static volatile String jwks;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        try {
            jwks = Files.readString(TokenKeysResource.keys().jwksFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        vertx = Vertx.vertx();
        int port = FreePorts.next();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (path.equals("/auth/.well-known/jwks.json")) {
                JWKS_FETCHES.incrementAndGet();
                request.response().putHeader("Content-Type", "application/json").end(jwks);
                return;
            }
            if (path.startsWith("/broken/")) {
                BROKEN_HITS.incrementAndGet();
                request.response().setStatusCode(500).end("{}");
                return;
            }
            HITS.incrementAndGet();
            request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                JsonObject echo = new JsonObject().put("method", request.method().name()).put("path", path)
                        .put("query", request.query()).put("headers", headers).put("bodyLength", body.length());
                long delay = path.startsWith("/auth/slow") ? 3000 : 0;
                Runnable answer = () -> request.response().putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "keep-alive, X-Upstream-Secret").putHeader("X-Upstream-Secret", "hop")
                        .putHeader("X-Upstream", "auth").end(echo.encode());
                if (delay > 0) {
                    vertx.setTimer(delay, id -> answer.run());
                } else {
                    answer.run();
                }
            });
        });
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String base = "http://127.0.0.1:" + port;
        return Map.of(
                "tradefleet.gateway.routes.auth.upstream", base,
                "tradefleet.gateway.routes.broken.prefix", "/api/broken",
                "tradefleet.gateway.routes.broken.upstream", base,
                "tradefleet.gateway.routes.down.prefix", "/api/down",
                // port 1: nothing listens there (a "free" port could be taken by the next server started)
                "tradefleet.gateway.routes.down.upstream", "http://127.0.0.1:1");
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
