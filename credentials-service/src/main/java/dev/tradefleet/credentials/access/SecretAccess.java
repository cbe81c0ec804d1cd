package dev.tradefleet.credentials.access;

import dev.tradefleet.credentials.keys.Credential;
import dev.tradefleet.credentials.keys.CredentialRepository;
import dev.tradefleet.credentials.vault.CredentialCipher;
import dev.tradefleet.credentials.vault.CredentialMaterial;
import dev.tradefleet.credentials.vault.UndecryptableCredentialException;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * The one way key material leaves the service: decrypted for the exchange connector, with the read recorded
 * (who, which credential, when — never the material) in the database and the audit log.
 */
@ApplicationScoped
public class SecretAccess {

    private static final Logger AUDIT = Logger.getLogger("audit");
    private static final Logger LOG = Logger.getLogger(SecretAccess.class);

    public record Opened(Credential credential, CredentialMaterial material) {
    }

    private final Pool pool;
    private final CredentialRepository credentials;
    private final CredentialCipher cipher;

    SecretAccess(Pool pool, CredentialRepository credentials, CredentialCipher cipher) {
        this.pool = pool;
        this.credentials = credentials;
        this.cipher = cipher;
    }

    public Uni<Opened> byId(UUID id, String client) {
        return open(credentials.findById(pool, id), client);
    }

    public Uni<Opened> activeFor(UUID userId, String exchange, String environment, String label, String client) {
        return open(credentials.findActive(pool, userId, exchange, environment, label), client);
    }

    private Uni<Opened> open(Uni<Credential> lookup, String client) {
        return lookup.flatMap(credential -> {
            if (credential == null) {
                throw ProblemException.notFound("There is no such credential.");
            }
            CredentialMaterial material;
            try {
                material = cipher.open(credential.material(), credential.userId(), credential.id());
            } catch (UndecryptableCredentialException e) {
                // our data is damaged, or a key left the keyset too early: say so plainly, reveal nothing
                LOG.error(e.getMessage());
                throw new ProblemException(500, "credential-unreadable", "Credential unreadable",
                        "The stored key material of this credential cannot be decrypted. Replace the key.");
            }
            return pool.withTransaction(tx -> credentials.recordRead(tx, credential, client))
                    .invoke(() -> AUDIT.infof("action=credential-read credential=%s user=%s client=%s",
                            credential.id(), credential.userId(), client))
                    .replaceWith(new Opened(credential, material));
        });
    }
}
