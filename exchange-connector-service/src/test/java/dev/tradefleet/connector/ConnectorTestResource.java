package dev.tradefleet.connector;

import dev.tradefleet.testing.PaperExchangeProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The real paper exchange as the binance/paper venue, and the connector's view of auth- and credentials-service. */
public class ConnectorTestResource implements QuarkusTestResourceLifecycleManager {

    private static FakeCredentialsService credentials;

    public static synchronized FakeCredentialsService credentials() {
        if (credentials == null) {
            credentials = new FakeCredentialsService();
        }
        return credentials;
    }

    @Override
    public Map<String, String> start() {
        PaperExchangeProcess paper = PaperExchangeProcess.shared();
        return Map.of(
                "tradefleet.connector.credentials-url", credentials().url().toString(),
                "tradefleet.connector.auth-url", credentials().url().toString(),
                "tradefleet.connector.client-secret", FakeCredentialsService.CLIENT_SECRET,
                "tradefleet.connector.reconcile-interval", "1s",
                "tradefleet.venues.binance.paper.rest-url", paper.url().toString());
    }

    @Override
    public void stop() {
        // shared by the JVM's test classes
    }
}
