package dev.tradefleet.messaging.outbox;

import java.util.concurrent.CompletionStage;

/** Sends one event to the broker; the stage completes when the broker has acknowledged it. */
@FunctionalInterface
public interface EventPublisher {

    CompletionStage<Void> publish(PendingEvent event);
}
