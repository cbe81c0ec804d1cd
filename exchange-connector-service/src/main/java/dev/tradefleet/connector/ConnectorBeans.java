package dev.tradefleet.connector;

import dev.tradefleet.connector.keys.KeyChecks;
import dev.tradefleet.connector.markets.Markets;
import dev.tradefleet.connector.markets.TickerPublisher;
import dev.tradefleet.connector.monitoring.VenueMonitoring;
import dev.tradefleet.connector.orders.AccountOwnership;
import dev.tradefleet.connector.orders.OrderExecutor;
import dev.tradefleet.connector.orders.OrderRepository;
import dev.tradefleet.connector.paper.PaperAccounts;
import dev.tradefleet.connector.sessions.CredentialsServiceClient;
import dev.tradefleet.connector.sessions.KeyMaterialSource;
import dev.tradefleet.connector.sessions.ServiceTokens;
import dev.tradefleet.connector.sessions.SessionInvalidation;
import dev.tradefleet.connector.sessions.VenueClients;
import dev.tradefleet.connector.sessions.VenueSessions;
import dev.tradefleet.connector.threads.DaemonThreads;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.messaging.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The connector's parts, plain classes wired here; they hold no framework types so that tests can build them alone. */
@ApplicationScoped
public class ConnectorBeans {

    static final URI SOURCE = URI.create("/exchange-connector-service");

    private final ScheduledExecutorService reconciliation =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("connector-reconciliation"));

    @Produces
    @Singleton
    HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    VenueClients venueClients(VenuesConfig venues, ConnectorConfig config, HttpClient http, Clock clock, MeterRegistry registry) {
        Map<String, URI> restUrls = new HashMap<>();
        Map<String, URI> wsUrls = new HashMap<>();
        Map<String, URI> marketStreamUrls = new HashMap<>();
        Map<String, Map<String, Long>> limits = new HashMap<>();
        venues.venues().forEach((venue, environments) -> environments.forEach((environment, endpoint) -> {
            String where = VenueClients.key(venue, environment);
            endpoint.restUrl().ifPresent(url -> restUrls.put(where, url));
            endpoint.wsUrl().ifPresent(url -> wsUrls.put(where, url));
            endpoint.marketStreamUrl().ifPresent(url -> marketStreamUrls.put(where, url));
            limits.put(where, endpoint.limits());
        }));
        return new VenueClients(restUrls, wsUrls, marketStreamUrls, limits, http, clock, config.venueTimeout(), config.pollInterval(),
                (where, limiter) -> VenueMonitoring.measure(registry, where, limiter));
    }

    @Produces
    @Singleton
    Markets markets(VenueClients clients, Clock clock) {
        return new Markets(clients, clock);
    }

    @Produces
    @Singleton
    TickerPublisher tickers(Markets markets, VenueClients clients, OrderRepository orders, AccountOwnership ownership,
                            Producer<String, byte[]> producer, ConnectorConfig config, Clock clock) {
        return new TickerPublisher(SOURCE, markets, clients::marketStream, () -> orders.tradedMarkets(ownership::owns).await().atMost(Duration.ofSeconds(5)), producer,
                config.tickerInterval(), clock);
    }

    @Produces
    @Singleton
    PaperAccounts paperAccounts(VenuesConfig venues, ConnectorConfig config, HttpClient http) {
        Optional<URI> paperExchange = Optional.ofNullable(venues.venues().get("binance")).map(e -> e.get("paper"))
                .flatMap(VenuesConfig.Endpoint::restUrl);
        return new PaperAccounts(paperExchange, config.paperAdminKey(), config.credentialsUrl(), http);
    }

    @Produces
    @Singleton
    KeyMaterialSource keyMaterial(ConnectorConfig config, HttpClient http, Clock clock) {
        return new CredentialsServiceClient(config.credentialsUrl(),
                new ServiceTokens(config.authUrl(), config.clientId(), config.clientSecret(), http, clock), http);
    }

    @Produces
    @Singleton
    VenueSessions sessions(KeyMaterialSource source, VenueClients clients, ConnectorConfig config, Clock clock) {
        return new VenueSessions(source, clients, config.sessionTtl(), clock);
    }

    @Produces
    @Singleton
    OrderRepository orders(Pool pool, Outbox outbox, Clock clock) {
        return new OrderRepository(pool, outbox, SOURCE, clock);
    }

    @Produces
    @Singleton
    AccountOwnership ownership(Producer<String, byte[]> producer) {
        return new AccountOwnership(Topics.TRADING_INTENTS, () -> producer.partitionsFor(Topics.TRADING_INTENTS).size());
    }

    @Produces
    @Singleton
    OrderExecutor executor(OrderRepository orders, VenueSessions sessions, Markets markets, AccountOwnership ownership, Clock clock,
                           ConnectorConfig config) {
        return new OrderExecutor(orders, sessions, markets, ownership, clock, config.lanes());
    }

    @Produces
    @Singleton
    KeyChecks keyChecks(Pool pool, VenueSessions sessions, KeyMaterialSource source, Clock clock) {
        return new KeyChecks(pool, sessions, source, clock);
    }

    @Produces
    @Singleton
    SessionInvalidation sessionInvalidation(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                            VenueSessions sessions, OrderExecutor executor) {
        return new SessionInvalidation(bootstrapServers, credentialId -> {
            sessions.drop(credentialId);
            executor.closeStream(credentialId);
        });
    }

    /**
     * Accounts are compared with the venue every interval; the first time when this instance is assigned its
     * partitions (it owns no account before), see {@link OrderExecutor#ownershipChanged()}.
     */
    void start(@Observes StartupEvent event, OrderExecutor executor, KeyChecks keyChecks, SessionInvalidation invalidation,
               TickerPublisher tickers, ConnectorConfig config) {
        invalidation.start();
        tickers.start();
        reconciliation.scheduleWithFixedDelay(() -> {
            try {
                executor.reconcileAllWithin(config.reconcileInterval());
            } catch (RuntimeException e) {
                Logger.getLogger(ConnectorBeans.class).warnf("reconciliation could not start: %s", e.toString());
            }
        }, config.reconcileInterval().toMillis(), config.reconcileInterval().toMillis(), TimeUnit.MILLISECONDS);
        keyChecks.start();
    }

    void stop(@Observes ShutdownEvent event, OrderExecutor executor, KeyChecks keyChecks, SessionInvalidation invalidation,
              TickerPublisher tickers, VenueClients clients) {
        reconciliation.shutdownNow();
        tickers.close();
        invalidation.close();
        keyChecks.close();
        executor.close();
        clients.close();
    }
}
