package dev.tradefleet.connector.sessions;

import dev.tradefleet.connector.cache.CoalescingCache;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * One session per credential, built from key material read from credentials-service, kept for a short while and
 * dropped at once when the credential changes. Concurrent callers for one credential share one read; a failed
 * read is not kept, and an expired session is never used (a replaced key must not be signed with).
 */
public final class VenueSessions {

    private final CoalescingCache<UUID, VenueSession> cache;

    public VenueSessions(KeyMaterialSource source, VenueClients clients, Duration ttl, Clock clock) {
        this.cache = new CoalescingCache<>(id -> source.material(id).toCompletableFuture().thenApply(material -> new VenueSession(
                material.credentialId(), material.userId(), material.venue(), material.environment(), material.active(),
                clients.open(material))), ttl, Duration.ZERO, clock);
    }

    public CompletionStage<VenueSession> session(UUID credentialId) {
        return cache.get(credentialId);
    }

    /** The credential changed (key replaced, deactivated, deleted): the next call reads it again. */
    public void drop(UUID credentialId) {
        cache.invalidate(credentialId);
    }
}
