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
 * The public keys of auth-service's JWKS, fetched without blocking, refreshed every {@code refreshInterval}
 * (a key removed from the set is forgotten then), and refreshed once more when a token names a key id we do
 * not know (auth-service rotated its key). Concurrent misses share one fetch, and misses refresh at most every
 * {@code minRefreshInterval}. A failed fetch keeps the keys we had.
 */
public final class JwksKeys {

    private static final Logger LOG = Logger.getLogger(JwksKeys.class);

    /** A fetch that has not answered by then is given up, so one stuck request never stops all later refreshes. */
    private static final long FETCH_TIMEOUT_MILLIS = 10_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final String jwksUrl;
    private final long minRefreshNanos;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long lastFetchStarted = Long.MIN_VALUE / 2;
    private Future<Map<String, PublicKey>> inFlight;

    public JwksKeys(Vertx vertx, HttpClient client, String jwksUrl, Duration refreshInterval, Duration minRefreshInterval) {
        this.vertx = vertx;
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

    /** The key published under this id as of the last fetch, or null: no fetch, no waiting. */
    public PublicKey published(String keyId) {
        return keys.get(keyId);
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
        Future<Map<String, PublicKey>> fetch = promise.future();
        inFlight = fetch;
        long watchdog = vertx.setTimer(FETCH_TIMEOUT_MILLIS, id -> finish(fetch, promise, null, "no answer in time"));
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(jwksUrl).setTimeout(5000))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("JWKS answered " + response.statusCode()))
                .map(body -> parse(body.toString()))
                .onComplete(result -> {
                    vertx.cancelTimer(watchdog);
                    finish(fetch, promise, result.succeeded() ? result.result() : null,
                            result.succeeded() ? null : result.cause().getMessage());
                });
        return fetch;
    }

    /** Ends a fetch once: with the new keys, or keeping the ones we had. A fetch given up on never stores its late answer. */
    private void finish(Future<Map<String, PublicKey>> fetch, Promise<Map<String, PublicKey>> promise,
                        Map<String, PublicKey> fetched, String failure) {
        boolean latest;
        synchronized (this) {
            latest = inFlight == fetch;
            if (latest) {
                inFlight = null;
            }
        }
        if (fetched != null && latest) {
            keys = fetched;
            promise.tryComplete(fetched);
        } else if (fetched == null && promise.tryComplete(keys)) {
            LOG.warnf("could not fetch the JWKS from %s: %s", jwksUrl, failure);
        }
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
