package dev.tradefleet.connector;

import dev.tradefleet.connector.venue.AmbiguousOutcome;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for a stage, for the connector's own worker threads (never an event loop): a failure comes out as what
 * it is, not wrapped, and no answer in time is an ambiguous outcome.
 */
public final class Blocking {

    private Blocking() {
    }

    /** What a stage failed with, out of the wrappers stages put around it. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public static <T> T await(CompletionStage<T> stage, Duration atMost) {
        try {
            return stage.toCompletableFuture().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = cause(e);
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new AmbiguousOutcome("no answer within " + atMost.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
