package dev.tradefleet.connector;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "tradefleet.connector")
public interface ConnectorConfig {

    /** credentials-service, for key material and the verdict on keys. */
    URI credentialsUrl();

    /** auth-service, for the connector's own token (client credentials). */
    URI authUrl();

    @WithDefault("exchange-connector")
    String clientId();

    /** From the environment or a Secret; never in a file of the repository. */
    String clientSecret();

    /**
     * The paper exchange's admin key ({@code X-Admin-Key}), to open paper accounts for users; without it,
     * {@code POST /connector/paper-accounts} answers 404. From a Secret, never in a file of the repository.
     */
    Optional<String> paperAdminKey();

    /** How long key material read from credentials-service is used before it is read again. */
    @WithDefault("30s")
    Duration sessionTtl();

    /** How often every account with open or unresolved orders is compared with the venue. */
    @WithDefault("1m")
    Duration reconcileInterval();

    /**
     * How often an account with orders to follow is asked for them on a venue where the connector has no stream of
     * its executions (MEXC, or a venue without a WebSocket URL configured).
     */
    @WithDefault("2s")
    Duration pollInterval();

    /** How often at most a symbol's ticker is published on market.tickers.v1. */
    @WithDefault("1s")
    Duration tickerInterval();

    /** Accounts worked on at once. */
    @WithDefault("16")
    int lanes();

    /** How long a venue has to answer before the outcome counts as unknown. */
    @WithDefault("10s")
    Duration venueTimeout();
}
