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
        return Map.ofEntries(
                Map.entry("tradefleet.connector.credentials-url", credentials().url().toString()),
                Map.entry("tradefleet.connector.auth-url", credentials().url().toString()),
                Map.entry("tradefleet.connector.client-secret", FakeCredentialsService.CLIENT_SECRET),
                // long enough that the tests see the user stream and the targeted catch-ups at work, not the sweep
                Map.entry("tradefleet.connector.reconcile-interval", "5m"),
                Map.entry("tradefleet.connector.venue-timeout", "2s"),
                Map.entry("tradefleet.connector.paper-admin-key", paper.adminKey()),
                Map.entry("tradefleet.venues.binance.paper.rest-url", paper.url().toString()),
                Map.entry("tradefleet.venues.binance.paper.ws-url", paper.url().toString().replaceFirst("^http", "ws") + "/ws-api/v3"),
                Map.entry("tradefleet.venues.binance.paper.market-stream-url", paper.url().toString().replaceFirst("^http", "ws")),
                // the testnet's calls go through the faulty venue, which counts them; its market streams come from the paper exchange
                Map.entry("tradefleet.venues.binance.testnet.market-stream-url", paper.url().toString().replaceFirst("^http", "ws")),
                Map.entry("tradefleet.venues.mexc.paper.rest-url", paper.url() + "/mexc"),
                // binance/testnet is the same exchange behind the faulty proxy, and without a stream: followed by asking
                Map.entry("tradefleet.venues.binance.testnet.rest-url", faultyVenue().url().toString()));
    }

    @Override
    public void stop() {
        // shared by the JVM's test classes
    }
}
