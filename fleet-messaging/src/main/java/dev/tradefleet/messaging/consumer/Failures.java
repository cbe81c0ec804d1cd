package dev.tradefleet.messaging.consumer;

import dev.tradefleet.contracts.MalformedEventException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.util.concurrent.TimeoutException;

/** Tells an outage (retry until it passes) from a failure of the event itself (bounded tries, then dead letter). */
final class Failures {

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException || t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return false;   // the event's own fault, however deep an I/O-looking cause sits
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientFailure || isNetwork(t) || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException || t instanceof ClosedConnectionException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            if (t instanceof PgException pg && isTransientState(pg.getSqlState())) {
                return true;
            }
            if (t instanceof io.vertx.core.VertxException && String.valueOf(t.getMessage()).toLowerCase().contains("connection")) {
                return true;
            }
        }
        return false;
    }

    /** Connections refused, reset or closed: the database or broker is away, not the event at fault. */
    private static boolean isNetwork(Throwable t) {
        return t instanceof java.net.SocketException || t instanceof java.net.UnknownHostException
                || t instanceof java.nio.channels.ClosedChannelException || t instanceof java.io.EOFException
                || t instanceof java.net.http.HttpTimeoutException;
    }

    /**
     * Connection problems (08), the server shutting down or starting (57P01-57P03), resources (53),
     * and the two conflicts a retry resolves: serialization failure and deadlock.
     */
    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01"));
    }

    /** The {@link Error} behind a failure, if any: the process is sick, not the event, so nothing is dead-lettered. */
    static Error fatal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Error error) {
                return error;
            }
        }
        return null;
    }

    /** A reason for a dead letter: the failure's kind and message, never its stack. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
