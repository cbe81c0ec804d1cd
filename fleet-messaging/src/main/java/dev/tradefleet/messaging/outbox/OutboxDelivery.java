package dev.tradefleet.messaging.outbox;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One pass of sending a batch, in id order, and what may be marked afterwards. A row is published only when
 * the broker acknowledged it and every row of its (topic, key) before it in the batch; after a row of a key
 * fails, later rows of that key are not sent in this pass, and a topic whose metadata could not be had is not
 * tried again in this pass (each try could block for {@code max.block.ms}).
 */
record OutboxDelivery(List<PendingEvent> published, List<Failure> failed, Set<String> unreachableTopics) {

    static final OutboxDelivery NOTHING = new OutboxDelivery(List.of(), List.of(), Set.of());

    /**
     * @param permanent the event's own fault (retrying will not help), as opposed to an outage
     * @param parkNow   park without further tries (it can never be sent as it is)
     */
    record Failure(PendingEvent event, String error, boolean permanent, boolean parkNow) {
    }

    private record Sent(PendingEvent event, CompletableFuture<Void> ack, Failure refused) {
    }

    static OutboxDelivery send(List<PendingEvent> batch, EventPublisher publisher, int maxRecordBytes, Duration timeout) {
        Set<String> blockedKeys = new HashSet<>();
        Set<String> unreachableTopics = new HashSet<>();
        List<Sent> sent = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            String key = event.topic() + '\u0000' + event.key();
            if (blockedKeys.contains(key)) {
                continue;
            }
            if (unreachableTopics.contains(event.topic())) {
                blockedKeys.add(key);
                continue;
            }
            if (event.payload().length > maxRecordBytes) {
                blockedKeys.add(key);
                sent.add(new Sent(event, null, new Failure(event, "the event has " + event.payload().length
                        + " bytes, more than the " + maxRecordBytes + " the producer may send", true, true)));
                continue;
            }
            CompletableFuture<Void> ack = publisher.publish(event).toCompletableFuture();
            if (ack.isCompletedExceptionally()) {
                blockedKeys.add(key);
                if (isOutage(cause(ack))) {
                    unreachableTopics.add(event.topic());
                }
            }
            sent.add(new Sent(event, ack, null));
        }
        awaitAll(sent, timeout);

        blockedKeys.clear();
        List<PendingEvent> published = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (Sent s : sent) {
            String key = s.event().topic() + '\u0000' + s.event().key();
            Failure failure = s.refused() != null ? s.refused() : failureOf(s);
            if (failure != null) {
                failed.add(failure);
                blockedKeys.add(key);
            } else if (!blockedKeys.contains(key)) {
                published.add(s.event());
            }
        }
        return new OutboxDelivery(published, failed, Set.copyOf(unreachableTopics));
    }

    private static void awaitAll(List<Sent> sent, Duration timeout) {
        CompletableFuture<?>[] acks = sent.stream().filter(s -> s.ack() != null).map(Sent::ack).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acks).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // looked at one by one below
        }
    }

    private static Failure failureOf(Sent s) {
        CompletableFuture<Void> ack = s.ack();
        if (!ack.isDone()) {
            return new Failure(s.event(), "no acknowledgement in time", false, false);
        }
        if (!ack.isCompletedExceptionally()) {
            return null;
        }
        Throwable cause = cause(ack);
        return new Failure(s.event(), cause.getClass().getSimpleName() + ": " + cause.getMessage(), isRefusal(cause), false);
    }

    private static Throwable cause(CompletableFuture<Void> ack) {
        try {
            ack.getNow(null);
            return new IllegalStateException("not failed");
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    /** Broker, network or metadata trouble (a missing topic included: it may be being created): not the event's fault. */
    private static boolean isOutage(Throwable cause) {
        return cause instanceof RetriableException;
    }

    /**
     * The broker refused this record for good (too large, an invalid topic, not authorised): the event's own fault.
     * Anything else (an outage, a producer closing on shutdown) is not, and never counts toward parking.
     */
    private static boolean isRefusal(Throwable cause) {
        return cause instanceof ApiException && !(cause instanceof RetriableException);
    }
}
