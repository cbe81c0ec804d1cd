package dev.tradefleet.credentials.consumer;

import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.messaging.consumer.FleetConsumer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** A consumer declared the way every service declares one: a bean, a name, topics and an effect. */
@ApplicationScoped
public class EchoConsumer implements FleetConsumer {

    static final String NAME = "credentials-test-echo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CREDENTIALS_CHANGES);
    }

    @Override
    public Uni<Void> apply(SqlConnection transaction, EventEnvelope event) {
        return transaction.preparedQuery("SELECT 1 FROM credentials WHERE id = $1::uuid").execute(Tuple.of(event.subject()))
                .replaceWithVoid();
    }
}
