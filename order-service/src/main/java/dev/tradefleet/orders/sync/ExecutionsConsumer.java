package dev.tradefleet.orders.sync;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.trading.Fill;
import dev.tradefleet.contracts.trading.OrderUpdate;
import dev.tradefleet.messaging.consumer.FleetConsumer;
import dev.tradefleet.orders.book.OrderRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The connector's order updates and fills, applied to the orders they name: each event once (by its receipt), in
 * any order of arrival (an order only moves forward, a fill is kept once per trade id). Events of orders that are
 * not order-service's (market making's) change nothing.
 */
@ApplicationScoped
public class ExecutionsConsumer implements FleetConsumer {

    @Inject
    OrderRepository orders;

    @Override
    public String name() {
        return "order-service-executions";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.TRADING_ORDER_UPDATES, Topics.TRADING_FILLS);
    }

    @Override
    public Uni<Void> apply(SqlConnection tx, EventEnvelope event) {
        return switch (event.type()) {
            case OrderUpdate.TYPE -> orders.apply(tx, EventCodec.payload(event, OrderUpdate.class));
            case Fill.TYPE -> orders.apply(tx, EventCodec.payload(event, Fill.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
