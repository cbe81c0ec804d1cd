package dev.tradefleet.connector.orders;

import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.trading.TradingIntent;
import dev.tradefleet.contracts.trading.TradingIntents;
import dev.tradefleet.messaging.consumer.FleetConsumer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.List;

/**
 * Intents in: each is recorded once (a redelivery finds its receipt, or its intent id), then its account's lane
 * is woken. An intent that does not parse or does not hold (a negative amount, a stop price on a market order)
 * goes to the dead-letter topic and never reaches a venue.
 */
@ApplicationScoped
public class IntentConsumer implements FleetConsumer {

    @Inject
    OrderRepository orders;
    @Inject
    OrderExecutor executor;
    @Inject
    AccountOwnership ownership;

    @Override
    public String name() {
        return "connector-intents";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.TRADING_INTENTS);
    }

    @Override
    public Uni<Void> apply(SqlConnection transaction, EventEnvelope event) {
        TradingIntent intent = TradingIntents.read(event);
        return orders.recordIntent(transaction, intent, event);
    }

    @Override
    public void committed(EventEnvelope event) {
        executor.wake(TradingIntents.read(event).credentialId());
    }

    @Override
    public void assigned(Collection<TopicPartition> partitions) {
        ownership.assigned(partitions);
        executor.ownershipChanged();
    }

    @Override
    public void revoked(Collection<TopicPartition> partitions) {
        ownership.revoked(partitions);
        executor.ownershipChanged();
    }
}
