package dev.tradefleet.credentials.keys;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.credentials.CredentialChanged;
import dev.tradefleet.credentials.vault.CredentialCipher;
import dev.tradefleet.credentials.vault.CredentialMaterial;
import dev.tradefleet.messaging.outbox.Outbox;
import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;
import java.util.UUID;


/**
 * Everything users do with their credentials. Every query is scoped to the caller: a credential of another
 * user is "not found", exactly like one that does not exist. Every change is announced on
 * {@code credentials.changes.v1} through the outbox, in the transaction of the change.
 */
@ApplicationScoped
public class CredentialService {

    private static final URI SOURCE = URI.create("/credentials-service");
    private static final String UNIQUE_VIOLATION = "23505";

    public record NewCredential(String exchange, String environment, String label, CredentialMaterial material) {
    }

    private final Pool pool;
    private final CredentialRepository credentials;
    private final CredentialCipher cipher;
    private final Outbox outbox;

    CredentialService(Pool pool, CredentialRepository credentials, CredentialCipher cipher, Outbox outbox) {
        this.pool = pool;
        this.credentials = credentials;
        this.cipher = cipher;
        this.outbox = outbox;
    }

    public Uni<Credential> create(UUID userId, NewCredential request) {
        requireValidPassphrase(request.exchange(), request.material().passphrase());
        UUID id = UUID.randomUUID();
        CredentialCipher.Sealed sealed = cipher.seal(request.material(), userId, id);
        return pool.withTransaction(tx -> credentials.insert(tx, id, userId, request.exchange(), request.environment(),
                        request.label(), request.material().apiKeyHint(), sealed.ciphertext(), sealed.keyId())
                .call(created -> announce(tx, created, "created")))
                .onFailure(CredentialService::isDuplicate).transform(e -> duplicate());
    }

    public Uni<List<Credential>> list(UUID userId) {
        return credentials.listByUser(pool, userId);
    }

    public Uni<Credential> get(UUID userId, UUID id) {
        return credentials.findOwned(pool, id, userId, false).map(CredentialService::orNotFound);
    }

    /** Renames, replaces the key material, or both; replacing needs the whole material again. */
    public Uni<Credential> update(UUID userId, UUID id, String label, CredentialMaterial material) {
        return changeOwned(userId, id, (tx, current) -> {
            Uni<Credential> result = Uni.createFrom().item(current);
            if (material != null) {
                requireValidPassphrase(current.exchange(), material.passphrase());
                CredentialCipher.Sealed sealed = cipher.seal(material, userId, id);
                result = result.flatMap(c -> credentials.replaceMaterial(tx, id, material.apiKeyHint(), sealed.ciphertext(), sealed.keyId())
                        .call(updated -> announce(tx, updated, "key-replaced")));
            }
            if (label != null && !label.equals(current.label())) {
                result = result.flatMap(c -> credentials.rename(tx, id, label).call(updated -> announce(tx, updated, "relabelled")));
            }
            return result;
        });
    }

    /** Idempotent: asking for the state it is already in changes nothing and announces nothing. */
    public Uni<Credential> setActive(UUID userId, UUID id, boolean active) {
        return changeOwned(userId, id, (tx, current) -> current.active() == active
                ? Uni.createFrom().item(current)
                : credentials.setActive(tx, id, active).call(updated -> announce(tx, updated, active ? "activated" : "deactivated")));
    }

    public Uni<Credential> toggle(UUID userId, UUID id) {
        return changeOwned(userId, id, (tx, current) -> credentials.setActive(tx, id, !current.active())
                .call(updated -> announce(tx, updated, updated.active() ? "activated" : "deactivated")));
    }

    public Uni<Void> delete(UUID userId, UUID id) {
        return changeOwned(userId, id, (tx, current) -> credentials.delete(tx, id)
                .call(ignored -> announce(tx, current, "deleted")).replaceWith(current)).replaceWithVoid();
    }

    /** Records what the connector found when it tried the key. */
    public Uni<Credential> reportStatus(UUID id, String status, String reason) {
        return pool.withTransaction(tx -> credentials.findById(tx, id).map(CredentialService::orNotFound)
                .flatMap(current -> credentials.setStatus(tx, id, status, reason))
                .call(updated -> announce(tx, updated, "status-changed")));
    }

    private interface Change {
        Uni<Credential> apply(SqlClient tx, Credential current);
    }

    private Uni<Credential> changeOwned(UUID userId, UUID id, Change change) {
        return pool.withTransaction(tx -> credentials.findOwned(tx, id, userId, true).map(CredentialService::orNotFound)
                        .flatMap(current -> change.apply(tx, current)))
                .onFailure(CredentialService::isDuplicate).transform(e -> duplicate());
    }

    private Uni<Void> announce(SqlClient tx, Credential credential, String change) {
        EventEnvelope event = EventEnvelope.create(SOURCE, CredentialChanged.TYPE, credential.id().toString(),
                EventCodec.toData(new CredentialChanged(credential.id(), credential.userId(), credential.exchange(),
                        credential.environment(), credential.label(), change, credential.active())));
        return outbox.enqueue(tx, Topics.CREDENTIALS_CHANGES, credential.id().toString(), event);
    }

    private static void requireValidPassphrase(String exchange, String passphrase) {
        List<Problem.FieldError> errors = ExchangeRules.passphraseErrors(exchange, passphrase);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The passphrase does not fit the exchange.", errors);
        }
    }

    static Credential orNotFound(Credential credential) {
        if (credential == null) {
            throw ProblemException.notFound("There is no such credential.");
        }
        return credential;
    }

    private static boolean isDuplicate(Throwable e) {
        return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("credential-exists",
                "An active credential with this exchange, environment and label already exists.");
    }

}
