package dev.tradefleet.gateway.security;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The public keys of auth-service's JWKS, fetched without blocking, refreshed periodically, and refreshed
 * once more when a token names a key id we do not know (auth-service rotated its key). Concurrent misses
 * share one fetch, and misses refresh at most every {@code minRefreshInterval}.
 */
public final class JwksKeys {

    private static final Logger LOG = Logger.getLogger(JwksKeys.class);

    private final HttpClient client;
    private final String jwksUrl;
    private final long minRefreshNanos;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long lastFetchStarted = Long.MIN_VALUE / 2;
    private Future<Map<String, PublicKey>> inFlight;

    public JwksKeys(Vertx vertx, HttpClient client, String jwksUrl, Duration refreshInterval, Duration minRefreshInterval) {
        this.client = client;
        this.jwksUrl = jwksUrl;
        this.minRefreshNanos = minRefreshInterval.toNanos();
        vertx.setPeriodic(refreshInterval.toMillis(), id -> refresh());
    }

    /** The key with this id, fetching the key set again if it is unknown and we may. */
    public Future<PublicKey> key(String keyId) {
        PublicKey known = keys.get(keyId);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        if (System.nanoTime() - lastFetchStarted < minRefreshNanos && inFlight == null) {
            return Future.failedFuture(new InvalidTokenException("unknown key id"));
        }
        return refresh().compose(fresh -> fresh.containsKey(keyId)
                ? Future.succeededFuture(fresh.get(keyId))
                : Future.failedFuture(new InvalidTokenException("unknown key id")));
    }

    public boolean loaded() {
        return !keys.isEmpty();
    }

    public synchronized Future<Map<String, PublicKey>> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        lastFetchStarted = System.nanoTime();
        Promise<Map<String, PublicKey>> promise = Promise.promise();
        inFlight = promise.future();
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(jwksUrl).setTimeout(5000))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("JWKS answered " + response.statusCode()))
                .map(body -> parse(body.toString()))
                .onComplete(result -> {
                    synchronized (this) {
                        inFlight = null;
                    }
                    if (result.succeeded()) {
                        keys = result.result();
                        promise.complete(result.result());
                    } else {
                        LOG.warnf("could not fetch the JWKS from %s: %s", jwksUrl, result.cause().getMessage());
                        promise.complete(keys);
                    }
                });
        return promise.future();
    }

    static Map<String, PublicKey> parse(String json) {
        try {
            Map<String, PublicKey> parsed = new HashMap<>();
            for (JsonWebKey key : new JsonWebKeySet(json).getJsonWebKeys()) {
                boolean signing = key.getUse() == null || "sig".equals(key.getUse());
                if (key instanceof RsaJsonWebKey rsa && signing && key.getKeyId() != null) {
                    parsed.put(key.getKeyId(), rsa.getPublicKey());
                }
            }
            return Map.copyOf(parsed);
        } catch (JoseException e) {
            throw new IllegalStateException("the JWKS is not valid: " + e.getMessage(), e);
        }
    }
}
