package dev.tradefleet.contracts;

/** Raised when bytes on a topic are not a valid event: such a message goes to the topic's dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
