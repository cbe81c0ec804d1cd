package dev.tradefleet.testing;

import dev.tradefleet.embedded.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints access tokens for tests, good ones and every kind of bad one a service must refuse. Built by hand
 * (not with a JWT library) so that the malicious variants are exactly what an attacker would send.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.tradefleet.test";
    public static final String AUDIENCE = "tradefleet";

    private final KeyPair keyPair;
    private final String keyId;

    public TestTokens(KeyPair keyPair, String keyId) {
        this.keyPair = keyPair;
        this.keyId = keyId;
    }

    public String valid(String subject, List<String> groups) {
        return sign(header("RS256", keyId), claims(subject, groups, ISSUER, AUDIENCE, Instant.now().plusSeconds(900)), keyPair);
    }

    /** A client-credentials token as auth-service issues it to service {@code clientId}. */
    public String service(String clientId) {
        String claims = claims("service:" + clientId, List.of("service"), ISSUER, AUDIENCE, Instant.now().plusSeconds(300));
        return sign(header("RS256", keyId), claims.substring(0, claims.length() - 1) + ",\"client_id\":\"" + clientId + "\"}", keyPair);
    }

    public String expired(String subject) {
        return sign(header("RS256", keyId), claims(subject, List.of("user"), ISSUER, AUDIENCE, Instant.now().minusSeconds(3600)), keyPair);
    }

    public String withIssuer(String subject, String issuer) {
        return sign(header("RS256", keyId), claims(subject, List.of("user"), issuer, AUDIENCE, Instant.now().plusSeconds(900)), keyPair);
    }

    public String withAudience(String subject, String audience) {
        return sign(header("RS256", keyId), claims(subject, List.of("user"), ISSUER, audience, Instant.now().plusSeconds(900)), keyPair);
    }

    /** Signed by a key nobody trusts, but claiming this key's id. */
    public String signedByAnotherKey(String subject) {
        return sign(header("RS256", keyId), claims(subject, List.of("user"), ISSUER, AUDIENCE, Instant.now().plusSeconds(900)),
                SigningKeys.newKeyPair());
    }

    public String unsigned(String subject) {
        return encode(header("none", null)) + "." + encode(claims(subject, List.of("admin"), ISSUER, AUDIENCE,
                Instant.now().plusSeconds(900))) + ".";
    }

    /** The classic key-confusion attack: HMAC keyed with the (public) RSA key. */
    public String hs256WithPublicKey(String subject) {
        String signingInput = encode(header("HS256", keyId)) + "." + encode(claims(subject, List.of("admin"), ISSUER, AUDIENCE,
                Instant.now().plusSeconds(900)));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyPair.getPublic().getEncoded(), "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was swapped for another subject with admin rights, signature kept. */
    public String tampered(String subject, String otherSubject) {
        String[] parts = valid(subject, List.of("user")).split("\\.");
        String forged = encode(claims(otherSubject, List.of("user", "admin"), ISSUER, AUDIENCE, Instant.now().plusSeconds(900)));
        return parts[0] + "." + forged + "." + parts[2];
    }

    /**
     * Every kind of token a service must refuse, by name: what each service's security test runs through,
     * so that all of them face the same attacks.
     */
    public java.util.Map<String, String> attacks(String subject) {
        java.util.Map<String, String> attacks = new java.util.LinkedHashMap<>();
        attacks.put("expired", expired(subject));
        attacks.put("signed by another key", signedByAnotherKey(subject));
        attacks.put("alg none", unsigned(subject));
        attacks.put("HS256 keyed with the public key", hs256WithPublicKey(subject));
        attacks.put("wrong issuer", withIssuer(subject, "https://evil.example"));
        attacks.put("wrong audience", withAudience(subject, "someone-else"));
        attacks.put("tampered payload", tampered(subject, UUID.randomUUID().toString()));
        attacks.put("garbage", "not.a.jwt");
        attacks.put("no key id", signedWithHeader(subject, "{\"alg\":\"RS256\",\"typ\":\"JWT\"}"));
        attacks.put("no expiry", withoutExpiry(subject));
        attacks.put("jku header", signedWithHeader(subject, withHeader("jku", "\"https://evil.example/jwks.json\"")));
        attacks.put("x5u header", signedWithHeader(subject, withHeader("x5u", "\"https://evil.example/cert.pem\"")));
        attacks.put("crit header", signedWithHeader(subject, withHeader("crit", "[\"tradefleet-ext\"],\"tradefleet-ext\":true")));
        attacks.put("embedded jwk of the attacker's key", embeddedAttackerKey(subject));
        return attacks;
    }

    /** Signed by the trusted key, with a header of the attacker's choosing. */
    private String signedWithHeader(String subject, String header) {
        return sign(header, claims(subject, List.of("user"), ISSUER, AUDIENCE, Instant.now().plusSeconds(900)), keyPair);
    }

    private String withHeader(String name, String jsonValue) {
        String header = header("RS256", keyId);
        return header.substring(0, header.length() - 1) + ",\"" + name + "\":" + jsonValue + "}";
    }

    private String withoutExpiry(String subject) {
        String claims = claims(subject, List.of("user"), ISSUER, AUDIENCE, Instant.now().plusSeconds(900))
                .replaceAll(",\"exp\":[0-9]+", "");
        return sign(header("RS256", keyId), claims, keyPair);
    }

    /** Signed by the attacker, who ships the matching public key in the header and names the trusted key id. */
    private String embeddedAttackerKey(String subject) {
        KeyPair attacker = SigningKeys.newKeyPair();
        String jwk = SigningKeys.jwk(keyId, (java.security.interfaces.RSAPublicKey) attacker.getPublic());
        return sign(withHeader("jwk", jwk), claims(subject, List.of("user", "admin"), ISSUER, AUDIENCE,
                Instant.now().plusSeconds(900)), attacker);
    }

    private static String header(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"") + "}";
    }

    private static String claims(String subject, List<String> groups, String issuer, String audience, Instant expires) {
        long now = Instant.now().getEpochSecond();
        String groupsJson = groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",", "[", "]"));
        return "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":" + groupsJson + ",\"iat\":" + Math.min(now, expires.getEpochSecond() - 60)
                + ",\"exp\":" + expires.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String sign(String header, String claims, KeyPair with) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(with.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
