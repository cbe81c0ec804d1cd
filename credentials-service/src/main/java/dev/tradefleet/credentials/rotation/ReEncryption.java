package dev.tradefleet.credentials.rotation;

import dev.tradefleet.credentials.CredentialsConfig;
import dev.tradefleet.credentials.keys.Credential;
import dev.tradefleet.credentials.keys.CredentialRepository;
import dev.tradefleet.credentials.vault.CredentialCipher;
import dev.tradefleet.credentials.vault.UndecryptableCredentialException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-seals every record under the keyset's primary key, one batch per transaction. The progress is the data
 * itself (each row's {@code key_id}), so a crash loses at most the batch in flight and starting again resumes.
 * Records that do not open are skipped and counted, never retried in a loop.
 */
@ApplicationScoped
public class ReEncryption {

    private static final Logger LOG = Logger.getLogger(ReEncryption.class);
    /** PostgreSQL orders uuids as unsigned bytes: the nil uuid comes before every other. */
    public static final UUID BEFORE_ALL = new UUID(0, 0);

    public record Progress(int primaryKeyId, long pending, boolean running, long unreadable) {
    }

    /** One batch: how many were re-sealed, how many could not be opened, and where to continue. */
    public record Batch(int resealed, int unreadable, UUID lastId) {
    }

    private final Pool pool;
    private final CredentialRepository credentials;
    private final CredentialCipher cipher;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong unreadable = new AtomicLong();

    ReEncryption(Pool pool, CredentialRepository credentials, CredentialCipher cipher, CredentialsConfig config) {
        this.pool = pool;
        this.credentials = credentials;
        this.cipher = cipher;
        this.batchSize = config.reEncryptionBatchSize();
    }

    /** Starts re-encrypting in the background unless a run is under way; returns the progress now. */
    public Uni<Progress> start() {
        if (running.compareAndSet(false, true)) {
            unreadable.set(0);
            runFrom(BEFORE_ALL).subscribe().with(
                    ignored -> running.set(false),
                    failure -> {
                        running.set(false);
                        LOG.errorf("re-encryption stopped: %s (start it again to resume)", failure.getMessage());
                    });
        }
        return progress();
    }

    public Uni<Progress> progress() {
        return credentials.countNotSealedWith(pool, cipher.primaryKeyId())
                .map(pending -> new Progress(cipher.primaryKeyId(), pending, running.get(), unreadable.get()));
    }

    private Uni<Void> runFrom(UUID afterId) {
        return batch(afterId).flatMap(batch -> batch.lastId() == null ? Uni.createFrom().voidItem() : runFrom(batch.lastId()));
    }

    /** Re-seals the next batch after {@code afterId}; {@code lastId} is null when there was nothing left. */
    public Uni<Batch> batch(UUID afterId) {
        return pool.withTransaction(tx -> credentials.lockNotSealedWith(tx, cipher.primaryKeyId(), afterId, batchSize)
                .flatMap(rows -> reseal(tx, rows)));
    }

    private Uni<Batch> reseal(SqlClient tx, List<Credential> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(new Batch(0, 0, null));
        }
        int failed = 0;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Credential row : rows) {
            try {
                CredentialCipher.Sealed sealed = cipher.seal(cipher.open(row.material(), row.userId(), row.id()), row.userId(), row.id());
                chain = chain.flatMap(ignored -> credentials.reseal(tx, row.id(), sealed.ciphertext(), sealed.keyId()));
            } catch (UndecryptableCredentialException e) {
                failed++;
                LOG.error(e.getMessage());
            }
        }
        unreadable.addAndGet(failed);
        Batch batch = new Batch(rows.size() - failed, failed, rows.get(rows.size() - 1).id());
        return chain.replaceWith(batch);
    }
}
