package dev.tradefleet.testing.quarkus;

import dev.tradefleet.embedded.EmbeddedPostgres;
import dev.tradefleet.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A fresh database on the shared embedded PostgreSQL, wired into both the reactive and the (Flyway) JDBC datasource. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = TestInfrastructure.postgres();
        String db = TestInfrastructure.newDatabase("svc");
        return Map.of(
                "quarkus.datasource.reactive.url", pg.reactiveUrl(db),
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(db),
                "quarkus.datasource.username", EmbeddedPostgres.USER,
                "quarkus.datasource.password", "unused-trust-auth");
    }

    @Override
    public void stop() {
        // the server is shared by the JVM's test classes and stops with it
    }
}
