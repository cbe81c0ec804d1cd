package dev.tradefleet.orders.lists;

import dev.tradefleet.web.Problem;
import dev.tradefleet.web.ProblemException;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What every list of order-service takes besides its own filters: a time range and a page. Numbers and instants are
 * read as text and checked here, so that a malformed one is the client's 400 naming the parameter (JAX-RS would
 * answer 404 for a query parameter it cannot convert).
 */
public abstract class ListQuery {

    /** At or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z). */
    @QueryParam("from") @Size(max = 40)
    protected String from;
    /** Before this instant (ISO-8601). */
    @QueryParam("to") @Size(max = 40)
    protected String to;
    @QueryParam("page") @DefaultValue("0") @Pattern(regexp = "[0-9]{1,5}", message = "must be a page number from 0")
    protected String page;
    @QueryParam("size") @DefaultValue("100") @Pattern(regexp = "[1-9][0-9]?|[1-4][0-9]{2}|500", message = "must be from 1 to 500")
    protected String size;

    /** The first item of the page, counting from 0. */
    public long first() {
        return Long.parseLong(page) * count();
    }

    /** How many items a page holds. */
    public int count() {
        return Integer.parseInt(size);
    }

    public Instant after() {
        return instant("from", from);
    }

    public Instant before() {
        return instant("to", to);
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The request has invalid fields.",
                    List.of(new Problem.FieldError(field, "must be an instant such as 2026-11-01T00:00:00Z")));
        }
    }
}
