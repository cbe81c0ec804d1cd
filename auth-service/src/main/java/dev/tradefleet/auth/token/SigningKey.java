package dev.tradefleet.auth.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.auth.AuthConfig;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import java.util.Set;

/**
 * The key that signs access tokens, and the public key set that verifies them. The set may list several
 * keys: publish the next key first, switch signing to it, and drop the old one after the longest token
 * lifetime has passed — nobody is logged out. Start-up fails when the signing key is not published.
 */
@Singleton
public class SigningKey {

    private static final Set<String> PUBLIC_MEMBERS = Set.of("kty", "kid", "use", "alg", "n", "e");

    private final PrivateKey privateKey;
    private final String keyId;
    private final String publicJwks;

    SigningKey(AuthConfig auth, ObjectMapper mapper,
               @ConfigProperty(name = "mp.jwt.verify.publickey.location") String jwksLocation) {
        this.keyId = auth.signing().keyId();
        this.privateKey = readPrivateKey(Path.of(auth.signing().privateKeyLocation()));
        try {
            JsonNode jwks = mapper.readTree(read(jwksPath(jwksLocation)));
            ObjectNode published = mapper.createObjectNode();
            ArrayNode keys = published.putArray("keys");
            boolean signingKeyListed = false;
            for (JsonNode key : jwks.path("keys")) {
                ObjectNode publicOnly = mapper.createObjectNode();
                key.properties().forEach(f -> {
                    if (PUBLIC_MEMBERS.contains(f.getKey())) {
                        publicOnly.set(f.getKey(), f.getValue());
                    }
                });
                keys.add(publicOnly);
                if (keyId.equals(key.path("kid").asText()) && modulus(key).equals(((RSAPrivateCrtKey) privateKey).getModulus())) {
                    signingKeyListed = true;
                }
            }
            if (!signingKeyListed) {
                throw new IllegalStateException("the signing key '" + keyId + "' is not in the JWKS at " + jwksLocation);
            }
            this.publicJwks = mapper.writeValueAsString(published);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the JWKS at " + jwksLocation, e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The JWKS with public members only, whatever the file held. */
    public String publicJwks() {
        return publicJwks;
    }

    private static BigInteger modulus(JsonNode key) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
    }

    private static Path jwksPath(String location) {
        return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path);
    }

    private static PrivateKey readPrivateKey(Path pem) {
        try {
            String base64 = String.join("", Files.readAllLines(pem).stream()
                    .filter(line -> !line.startsWith("-----")).toList());
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the signing key " + pem, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the signing key " + pem + " is not an RSA PKCS#8 PEM key", e);
        }
    }

}
