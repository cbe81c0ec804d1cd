package dev.tradefleet.connector;

import dev.tradefleet.testing.PaperExchangeProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The real paper exchange as the binance/paper venue (and, misbehaving, as binance/testnet), and the connector's view of auth- and credentials-service. */
public class ConnectorTestResource implements QuarkusTestResourceLifecycleManager {

    private static FakeCredentialsService credentials;
    private static FaultyVenue faultyVenue;

    public static synchronized FakeCredentialsService credentials() {
        if (credentials == null) {
            credentials = new FakeCredentialsService();
        }
        return credentials;
    }

    /** The paper exchange behind a proxy that misbehaves on demand: the binance/testnet venue of the tests. */
    public static synchronized FaultyVenue faultyVenue() {
        if (faultyVenue == null) {
            faultyVenue = new FaultyVenue(PaperExchangeProcess.shared().url());
        }
        return faultyVenue;
    }

    @Override
    public Map<String, String> start() {
        PaperExchangeProcess paper = PaperExchangeProcess.shared();
        return Map.of(
                "tradefleet.connector.credentials-url", credentials().url().toString(),
                "tradefleet.connector.auth-url", credentials().url().toString(),
                "tradefleet.connector.client-secret", FakeCredentialsService.CLIENT_SECRET,
                "tradefleet.connector.reconcile-interval", "1s",
                "tradefleet.connector.venue-timeout", "2s",
                "tradefleet.venues.binance.paper.rest-url", paper.url().toString(),
                "tradefleet.venues.binance.testnet.rest-url", faultyVenue().url().toString());
    }

    @Override
    public void stop() {
        // shared by the JVM's test classes
    }
}
