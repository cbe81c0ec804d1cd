package dev.tradefleet.gateway.proxy;

import dev.tradefleet.gateway.GatewayConfig;
import dev.tradefleet.gateway.resilience.CircuitBreaker;
import dev.tradefleet.gateway.resilience.TokenBucketLimiter;
import dev.tradefleet.gateway.routing.RequestPaths;
import dev.tradefleet.gateway.routing.RouteTable;
import dev.tradefleet.gateway.security.JwksKeys;
import dev.tradefleet.gateway.security.TokenVerifier;
import dev.tradefleet.web.ProblemException;
import dev.tradefleet.web.RequestIds;
import dev.tradefleet.web.RoutingProblems;
import dev.tradefleet.web.TrustedProxies;
import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The gateway's one route: {@code /api/*} is resolved against the route table, authenticated unless the
 * endpoint is public, rate limited per address and per user, and streamed to the upstream through its
 * circuit breaker. Everything it refuses is answered with problem+json; nothing ever hangs.
 */
@ApplicationScoped
public class GatewayProxy {

    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);

    private RouteTable routes;
    private TokenVerifier verifier;
    private JwksKeys jwks;
    private HttpClient client;
    private TokenBucketLimiter perUser;
    private TokenBucketLimiter perAddress;
    private Map<String, CircuitBreaker> breakers;
    private TrustedProxies trustedProxies;

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        routes = new RouteTable(config.routes().entrySet().stream()
                .map(e -> new RouteTable.Route(e.getKey(), e.getValue().prefix(), URI.create(e.getValue().upstream()),
                        e.getValue().timeout()))
                .toList(),
                config.publicEndpoints().stream().map(RouteTable.PublicEndpoint::parse).collect(Collectors.toSet()),
                Set.copyOf(config.blockedPaths()));
        breakers = config.routes().keySet().stream().collect(Collectors.toMap(name -> name,
                name -> new CircuitBreaker(config.circuitBreaker().minimumRequests(), config.circuitBreaker().failureRate(),
                        config.circuitBreaker().window(), config.circuitBreaker().openDuration())));
        trustedProxies = TrustedProxies.of(config.trustedProxies().orElse(List.of()));
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2000)
                .setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(4096));
        GatewayConfig.Jwt jwt = config.jwt();
        jwks = new JwksKeys(vertx, client, jwt.jwksUrl(), jwt.jwksRefreshInterval(), jwt.minRefreshInterval());
        verifier = new TokenVerifier(jwks, jwt.issuer(), jwt.audience());
        perUser = new TokenBucketLimiter(config.rateLimit().userBurst(), config.rateLimit().userPerSecond());
        perAddress = new TokenBucketLimiter(config.rateLimit().addressBurst(), config.rateLimit().addressPerSecond());
        router.route(RouteTable.PUBLIC_ROOT + "/*").handler(this::handle);
    }

    public JwksKeys jwks() {
        return jwks;
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        RequestPaths.Refusal ambiguous = RequestPaths.check(request.path()).orElse(null);
        if (ambiguous != null) {
            refuse(ctx, new ProblemException(ambiguous.status(), ambiguous.status() == 414 ? "uri-too-long" : "ambiguous-path",
                    ambiguous.status() == 414 ? "URI too long" : "Ambiguous path", ambiguous.reason()));
            return;
        }
        RouteTable.Target target = routes.resolve(request.path()).orElse(null);
        if (target == null) {
            refuse(ctx, ProblemException.notFound("No service answers at this address."));
            return;
        }
        labelMetricsWithRoute(ctx, target.route());
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        List<String> forwarded = request.headers().getAll("X-Forwarded-For");   // every line: a proxy may add its own
        String address = trustedProxies.clientOf(peer, forwarded.isEmpty() ? null : String.join(",", forwarded));
        TokenBucketLimiter.Decision byAddress = perAddress.tryAcquire(address, System.nanoTime());
        if (!byAddress.allowed()) {
            refuse(ctx, tooMany(byAddress));
            return;
        }
        if (routes.isPublic(request.method().name(), request.path())) {
            forward(ctx, target, address);
            return;
        }
        String token = bearer(request.getHeader("Authorization"));
        if (token == null) {
            refuse(ctx, unauthorized());
            return;
        }
        io.vertx.core.Future<TokenVerifier.Verified> verified = verifier.verify(token);
        if (verified.isComplete()) {
            // a token seen before: no hop through the event loop
            authorised(ctx, target, address, verified);
            return;
        }
        Context context = Vertx.currentContext();
        verified.onComplete(result -> context.runOnContext(ignored -> authorised(ctx, target, address, verified)));
    }

    private void authorised(RoutingContext ctx, RouteTable.Target target, String address,
                            io.vertx.core.Future<TokenVerifier.Verified> verified) {
        if (verified.failed()) {
            LOG.debugf("refused token: %s", verified.cause().getMessage());
            refuse(ctx, unauthorized());
            return;
        }
        TokenBucketLimiter.Decision byUser = perUser.tryAcquire(verified.result().subject(), System.nanoTime());
        if (!byUser.allowed()) {
            refuse(ctx, tooMany(byUser));
            return;
        }
        forward(ctx, target, address);
    }

    private void forward(RoutingContext ctx, RouteTable.Target target, String address) {
        CircuitBreaker breaker = breakers.get(target.route().name());
        if (!breaker.tryPass(System.nanoTime())) {
            refuse(ctx, unavailable(target, breaker.remainingOpen(System.nanoTime())));
            return;
        }
        HttpServerRequest request = ctx.request();
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(target.route().upstream() + target.upstreamPath() + (query == null ? "" : "?" + query))
                .setTimeout(target.route().timeout().toMillis());
        Set<String> connectionNamed = ForwardedHeaders.namedIn(request.getHeader("Connection"));
        request.headers().forEach(h -> {
            if (ForwardedHeaders.forwardRequestHeader(h.getKey(), connectionNamed)) {
                options.addHeader(h.getKey(), h.getValue());
            }
        });
        options.putHeader(RequestIds.HEADER, (String) ctx.get(RequestIds.MDC_KEY));
        options.putHeader("X-Forwarded-For", address);
        options.putHeader("X-Forwarded-Proto", request.scheme());
        if (request.authority() != null) {
            options.putHeader("X-Forwarded-Host", request.authority().toString());
        }
        boolean hasBody = request.getHeader("Content-Length") != null || request.getHeader("Transfer-Encoding") != null;
        client.request(options)
                .compose(upstream -> hasBody ? upstream.send(request) : sendEmpty(upstream, request))
                .onSuccess(response -> relay(ctx, response, breaker))
                .onFailure(error -> {
                    breaker.onFailure(System.nanoTime());
                    if (error instanceof TimeoutException || String.valueOf(error.getMessage()).contains("timeout")) {
                        refuse(ctx, new ProblemException(504, "upstream-timeout", "Upstream timeout",
                                "The " + target.route().name() + " service did not answer in time."));
                    } else {
                        LOG.debugf("upstream %s failed: %s", target.route().name(), error.getMessage());
                        refuse(ctx, unavailable(target, Duration.ZERO));
                    }
                });
    }

    /**
     * Request metrics name the route, never the raw path: a path holds user and credential ids, and every
     * distinct one would be a new time series. (Refusals before routing are 4xx on no template, not recorded.)
     */
    private static void labelMetricsWithRoute(RoutingContext ctx, RouteTable.Route route) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(ctx);
        if (metric != null) {
            metric.setTemplatePath(route.prefix() + "/*");
        }
    }

    private static io.vertx.core.Future<HttpClientResponse> sendEmpty(HttpClientRequest upstream, HttpServerRequest request) {
        request.resume();
        return upstream.send();
    }

    private void relay(RoutingContext ctx, HttpClientResponse response, CircuitBreaker breaker) {
        if (response.statusCode() >= 500) {
            breaker.onFailure(System.nanoTime());
        } else {
            breaker.onSuccess(System.nanoTime());
        }
        var out = ctx.response();
        if (out.closed()) {
            return;
        }
        out.setStatusCode(response.statusCode());
        Set<String> connectionNamed = ForwardedHeaders.namedIn(response.getHeader("Connection"));
        response.headers().forEach(h -> {
            if (ForwardedHeaders.forwardResponseHeader(h.getKey(), connectionNamed) && !RequestIds.HEADER.equalsIgnoreCase(h.getKey())) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        out.send(response);
    }

    private static void refuse(RoutingContext ctx, ProblemException problem) {
        RoutingProblems.send(ctx, problem);
        ctx.request().resume();
    }

    private static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized", "Unauthorized", "A valid bearer token is required.",
                java.util.List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    private static ProblemException tooMany(TokenBucketLimiter.Decision decision) {
        return ProblemException.tooManyRequests("Too many requests; slow down.", (decision.retryAfter().toMillis() + 999) / 1000);
    }

    private static ProblemException unavailable(RouteTable.Target target, Duration retryAfter) {
        return new ProblemException(503, "upstream-unavailable", "Service unavailable",
                "The " + target.route().name() + " service is not available right now.", java.util.List.of(),
                Map.of("Retry-After", String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000))));
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() || token.length() > 8192 ? null : token;
    }
}
