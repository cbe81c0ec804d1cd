package dev.tradefleet.connector.sessions;

import dev.tradefleet.connector.venue.VenueClient;

import java.util.UUID;

/** A signed-in venue account: whose it is, where, and the client that acts on it. Holds no key in the clear. */
public record VenueSession(UUID credentialId, UUID userId, String venue, String environment, boolean active, VenueClient client) {
}
