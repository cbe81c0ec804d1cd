package dev.tradefleet.connector.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session per credential, built from key material read from credentials-service, kept for a short while and
 * dropped at once when the credential changes. Concurrent callers for one credential share one read; a failed
 * read is not kept.
 */
public final class VenueSessions {

    private record Cached(CompletableFuture<VenueSession> session, Instant expires) {
    }

    private final KeyMaterialSource source;
    private final VenueClients clients;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();

    public VenueSessions(KeyMaterialSource source, VenueClients clients, Duration ttl, Clock clock) {
        this.source = source;
        this.clients = clients;
        this.ttl = ttl;
        this.clock = clock;
    }

    public CompletionStage<VenueSession> session(UUID credentialId) {
        Instant now = clock.instant();
        return cache.compute(credentialId, (id, held) -> held != null && now.isBefore(held.expires())
                && !held.session().isCompletedExceptionally() ? held : new Cached(open(id), now.plus(ttl))).session();
    }

    /** The credential changed (key replaced, deactivated, deleted): the next call reads it again. */
    public void drop(UUID credentialId) {
        cache.remove(credentialId);
    }

    private CompletableFuture<VenueSession> open(UUID credentialId) {
        return source.material(credentialId).toCompletableFuture().thenApply(material -> new VenueSession(material.credentialId(),
                material.userId(), material.venue(), material.environment(), material.active(), clients.open(material)));
    }
}
