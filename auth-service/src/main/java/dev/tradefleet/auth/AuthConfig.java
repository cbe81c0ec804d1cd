package dev.tradefleet.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "tradefleet.auth")
public interface AuthConfig {

    Signing signing();

    @WithDefault("15m")
    Duration accessTokenTtl();

    @WithDefault("30d")
    Duration refreshTokenTtl();

    @WithDefault("5m")
    Duration serviceTokenTtl();

    /** bcrypt cost; each step doubles the work. */
    @WithDefault("12")
    int bcryptCost();

    Throttle throttle();

    BootstrapAdmin bootstrapAdmin();

    /**
     * Peers whose X-Forwarded-For is believed: the gateway's addresses or range (IP literals or CIDR). None by
     * default, loopback included: {@code ./fleet up} names 127.0.0.1, a cluster names the gateway pods' range.
     */
    java.util.Optional<java.util.List<String>> trustedProxies();

    /** Service clients for the client-credentials grant, by client id. */
    Map<String, ServiceClient> clients();

    interface Signing {
        /** PKCS#8 PEM file of the current signing key. */
        String privateKeyLocation();

        /** The {@code kid} of that key; it must be listed in the JWKS at {@code tradefleet.jwt.jwks-location}. */
        String keyId();
    }

    interface Throttle {
        @WithDefault("15m")
        Duration window();

        /** Failures of one account after which each further failure is answered more slowly. */
        @WithDefault("3")
        int slowAfter();

        @WithDefault("250ms")
        Duration delayStep();

        @WithDefault("2s")
        Duration maxDelay();

        @WithDefault("10")
        int lockAccountAfter();

        @WithDefault("50")
        int lockAddressAfter();

        @WithDefault("15m")
        Duration lockDuration();

        /** Registrations one client address may make per {@link #registrationWindow()}; then 429 until it passes. */
        @WithDefault("20")
        int registrationsPerAddress();

        @WithDefault("1h")
        Duration registrationWindow();

        /** How often expired throttle rows are deleted. */
        @WithDefault("5m")
        Duration pruneInterval();
    }

    interface BootstrapAdmin {
        Optional<String> email();

        Optional<String> password();

        @WithDefault("Administrator")
        String name();
    }

    interface ServiceClient {
        String secret();
    }
}
