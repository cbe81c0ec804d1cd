package dev.tradefleet.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * RSA signing keys for access tokens, written the way auth-service reads them: the private key as a
 * PKCS#8 PEM file readable only by its owner, and every public key in a JWKS file. Used by tests and by
 * {@code ./fleet up} to make a development key; production keys come from a Secret.
 */
public final class SigningKeys {

    public record Generated(KeyPair keyPair, String keyId, Path privateKeyFile, Path jwksFile) {
    }

    private SigningKeys() {
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code <keyId>.pem} and a {@code jwks.json} listing the public keys of {@code published} (which should include this one). */
    public static Generated write(Path dir, String keyId, KeyPair keyPair, List<Generated> alsoPublished) {
        try {
            Files.createDirectories(dir);
            Path privateKey = dir.resolve(keyId + ".pem");
            Files.writeString(privateKey, pem(keyPair));
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            List<String> keys = new ArrayList<>();
            keys.add(jwk(keyId, (RSAPublicKey) keyPair.getPublic()));
            for (Generated other : alsoPublished) {
                keys.add(jwk(other.keyId(), (RSAPublicKey) other.keyPair().getPublic()));
            }
            Path jwks = dir.resolve("jwks.json");
            Files.writeString(jwks, "{\"keys\":[" + String.join(",", keys) + "]}");
            return new Generated(keyPair, keyId, privateKey, jwks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(KeyPair keyPair) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keyPair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    public static String jwk(String keyId, RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\",\"n\":\"" + base64Url(key.getModulus())
                + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
