package dev.tradefleet.orders;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "tradefleet.orders")
public interface OrdersConfig {

    /** credentials-service, asked for the trader's own credentials with the trader's token. */
    URI credentialsUrl();

    /** exchange-connector-service, asked for markets and the trader's balances with the trader's token. */
    URI connectorUrl();

    /** How long a read of another service may take before the request is answered "try again". */
    @WithDefault("10s")
    Duration readTimeout();
}
