package dev.tradefleet.testing.quarkus;

import org.eclipse.microprofile.config.ConfigProvider;

/** Where the application under test serves health, metrics and OpenAPI: its management interface. */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** Quarkus' test port of the management interface (9001 unless configured). */
    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }

    public static String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }
}
