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
 * Verifies RS256 access tokens: signature by a published key named by {@code kid}, issuer, audience, expiry,
 * subject. Nothing else is accepted: no {@code none}, no HMAC, no token without a key id or an expiry, and no
 * header that points at or carries key material ({@code jku}, {@code jwk}, {@code x5u}, {@code x5c}) or asks
 * for extensions ({@code crit}). A verified token is remembered until it expires, so the RSA check runs once per
 * token rather than once per request; a remembered token is honoured only while the key that verified it is
 * still published, so a key removed from the JWKS stops working at the next refresh of the key set.
 */
public final class TokenVerifier {

    public record Verified(String subject, Set<String> groups, long expiresAtEpochSecond) {
    }

    private record Remembered(Verified verified, String keyId, PublicKey key) {
    }

    /** Header parameters that make a verifier fetch, trust or interpret something the token chose. */
    private static final List<String> REFUSED_HEADERS = List.of("jku", "jwk", "x5u", "x5c", "crit");

    private static final int MAX_REMEMBERED = 50_000;
    private static final int CLOCK_SKEW_SECONDS = 30;

    private final JwksKeys keys;
    private final String issuer;
    private final String audience;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    public TokenVerifier(JwksKeys keys, String issuer, String audience) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
    }

    public Future<Verified> verify(String token) {
        Remembered known = remembered.get(token);
        long now = System.currentTimeMillis() / 1000;
        if (known != null) {
            if (known.verified().expiresAtEpochSecond() + CLOCK_SKEW_SECONDS > now && known.key().equals(keys.published(known.keyId()))) {
                return Future.succeededFuture(known.verified());
            }
            remembered.remove(token);
        }
        String keyId;
        try {
            JsonWebStructure header = JsonWebStructure.fromCompactSerialization(token);
            if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(header.getAlgorithmHeaderValue())) {
                return Future.failedFuture(new InvalidTokenException("algorithm not allowed"));
            }
            for (String refused : REFUSED_HEADERS) {
                if (header.getHeaders().getObjectHeaderValue(refused) != null) {
                    return Future.failedFuture(new InvalidTokenException("header " + refused + " not allowed"));
                }
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
                remembered.put(token, new Remembered(verified, keyId, key));
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
