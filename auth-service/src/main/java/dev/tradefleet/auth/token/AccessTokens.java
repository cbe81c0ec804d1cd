package dev.tradefleet.auth.token;

import dev.tradefleet.auth.AuthConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Signs RS256 access tokens: short-lived, with issuer, audience, subject, roles as {@code groups}, and {@code kid}. */
@ApplicationScoped
public class AccessTokens {

    public static final String SERVICE_GROUP = "service";

    private final SigningKey key;
    private final AuthConfig auth;
    private final String issuer;
    private final String audience;

    AccessTokens(SigningKey key, AuthConfig auth, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                 @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this.key = key;
        this.auth = auth;
        this.issuer = issuer;
        this.audience = audience;
    }

    public Duration userTokenTtl() {
        return auth.accessTokenTtl();
    }

    public Duration serviceTokenTtl() {
        return auth.serviceTokenTtl();
    }

    public Uni<String> forUser(UUID userId, String email, List<String> roles) {
        return sign(() -> Jwt.issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .upn(email)
                .groups(new HashSet<>(roles))
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(auth.accessTokenTtl())
                .jws().keyId(key.keyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(key.privateKey()));
    }

    public Uni<String> forService(String clientId) {
        return sign(() -> Jwt.issuer(issuer)
                .audience(audience)
                .subject("service:" + clientId)
                .upn("service:" + clientId)
                .groups(SERVICE_GROUP)
                .claim("client_id", clientId)
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(auth.serviceTokenTtl())
                .jws().keyId(key.keyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(key.privateKey()));
    }

    /** RSA signing costs about a millisecond of CPU: keep it off the event loop. */
    private static Uni<String> sign(java.util.function.Supplier<String> signer) {
        return Uni.createFrom().item(signer).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
