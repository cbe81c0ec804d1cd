package dev.tradefleet.gateway.security;

import io.vertx.core.Future;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies RS256 access tokens: signature by a published key, issuer, audience, expiry, subject. Nothing
 * else is accepted: no {@code none}, no HMAC, no key the token brings along. A verified token is remembered
 * until it expires, so the RSA check runs once per token rather than once per request.
 */
public final class TokenVerifier {

    public record Verified(String subject, Set<String> groups, long expiresAtEpochSecond) {
    }

    private static final int MAX_REMEMBERED = 50_000;
    private static final int CLOCK_SKEW_SECONDS = 30;

    private final JwksKeys keys;
    private final String issuer;
    private final String audience;
    private final ConcurrentHashMap<String, Verified> remembered = new ConcurrentHashMap<>();

    public TokenVerifier(JwksKeys keys, String issuer, String audience) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
    }

    public Future<Verified> verify(String token) {
        Verified known = remembered.get(token);
        long now = System.currentTimeMillis() / 1000;
        if (known != null) {
            if (known.expiresAtEpochSecond() + CLOCK_SKEW_SECONDS > now) {
                return Future.succeededFuture(known);
            }
            remembered.remove(token);
        }
        String keyId;
        try {
            JsonWebStructure header = JsonWebStructure.fromCompactSerialization(token);
            if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(header.getAlgorithmHeaderValue())) {
                return Future.failedFuture(new InvalidTokenException("algorithm not allowed"));
            }
            keyId = header.getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            return Future.failedFuture(new InvalidTokenException("malformed token"));
        }
        if (keyId == null) {
            return Future.failedFuture(new InvalidTokenException("no key id"));
        }
        return keys.key(keyId).compose(key -> {
            try {
                Verified verified = check(token, key);
                if (remembered.size() >= MAX_REMEMBERED) {
                    remembered.clear();
                }
                remembered.put(token, verified);
                return Future.succeededFuture(verified);
            } catch (InvalidTokenException e) {
                return Future.failedFuture(e);
            }
        });
    }

    private Verified check(String token, PublicKey key) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            return new Verified(claims.getSubject(), Set.copyOf(groups), claims.getExpirationTime().getValue());
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new InvalidTokenException("token refused: " + e.getClass().getSimpleName());
        }
    }
}
