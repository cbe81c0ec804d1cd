package dev.tradefleet.messaging.consumer;

/**
 * A handler's way to say "this event is fine, the world is not ready for it yet": the consumer retries it,
 * with backoff and without ever sending it to the dead-letter topic, and holds its partition until then.
 */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message) {
        super(message);
    }

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
