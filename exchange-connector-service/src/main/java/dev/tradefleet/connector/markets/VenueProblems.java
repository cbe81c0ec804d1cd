package dev.tradefleet.connector.markets;

import dev.tradefleet.connector.Blocking;
import dev.tradefleet.connector.venue.AmbiguousOutcome;
import dev.tradefleet.connector.venue.VenueBusy;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.web.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * A venue's trouble as a caller sees it: problem+json, never a stack trace. "Not now" and "no answer" are 503
 * with a Retry-After (the caller's request was fine); a refusal of a request the connector checked is the venue's
 * and told as it is, with its code.
 */
public final class VenueProblems {

    private VenueProblems() {
    }

    public static Throwable of(Throwable failure) {
        Throwable cause = Blocking.cause(failure);
        if (cause instanceof VenueBusy busy) {
            return unavailable("the venue asked us to wait: " + busy.getMessage(), Math.max(1, busy.retryAfter().toSeconds()));
        }
        if (cause instanceof AmbiguousOutcome) {
            return unavailable("the venue did not answer in time", 5);
        }
        if (cause instanceof VenueRejection refused) {
            if ("venue-not-configured".equals(refused.code())) {
                return ProblemException.notFound(refused.getMessage());
            }
            return new ProblemException(422, "venue-refused", "Refused by the venue", refused.code() + ": " + refused.getMessage());
        }
        return cause;
    }

    private static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(503, "venue-unavailable", "Venue unavailable", detail, List.of(),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }
}
