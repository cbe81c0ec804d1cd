package dev.tradefleet.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tradefleet.web.json.UnsafeTextException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns every failure into problem+json. Client mistakes get a precise 4xx; anything unexpected gets a
 * bare 500 with the request id to quote, and the details only go to the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.toProblem(), request, e.headers());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemException.badRequest("The request has invalid fields.", errors).toProblem(), request, Map.of());
    }

    /** Declared for the subtypes too: quarkus-rest ships its own mapper for some, and the most specific one wins. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnsafeTextException.class})
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        return respond(unreadableBody(e).toProblem(), request, Map.of());
    }

    /** What was wrong with the body, naming the field at fault where there is one; never the value sent. */
    static ProblemException unreadableBody(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof UnsafeTextException text) {
            return fieldProblem("A text field has a character that is not allowed.", path(text), UnsafeTextException.MESSAGE);
        }
        if (e instanceof JsonParseException && message.startsWith("Duplicate field '")) {
            String field = message.substring("Duplicate field '".length(), Math.max(message.lastIndexOf('\''), "Duplicate field '".length()));
            return fieldProblem("The request body names a field twice.", field, "appears more than once");
        }
        if (message.startsWith("Trailing token")) {
            return ProblemException.badRequest("The request body has data after its JSON value.", List.of());
        }
        if (e instanceof MismatchedInputException mismatch) {
            return fieldProblem("The request body does not have the expected shape.", path(mismatch), "has the wrong type");
        }
        return ProblemException.badRequest("The request body is not valid JSON.", List.of());
    }

    private static ProblemException fieldProblem(String detail, String field, String message) {
        return ProblemException.badRequest(detail, List.of(new Problem.FieldError(field, message)));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .reduce((a, b) -> a + "." + b).orElse("body");
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        return respond(ProblemException.unauthorized("A valid bearer token is required.").toProblem(), request,
                Map.of("WWW-Authenticate", "Bearer"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(new ProblemException(403, "forbidden", "Forbidden", "You may not do this.").toProblem(), request, Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = reason.toLowerCase().replaceAll("[^a-z]+", "-");
        return respond(new ProblemException(status, slug, reason, describe(status)).toProblem(), request, Map.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return respond(new ProblemException(500, "internal", "Internal error",
                "Something went wrong on our side. Quote the request id when you report it.").toProblem(), request, Map.of());
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 413 -> "The request body is too large.";
            case 415 -> "This address does not accept that content type; send application/json.";
            default -> "The request was refused.";
        };
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "register.request.email" → "email": the method and parameter names mean nothing to a client
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }

    static Response respond(Problem problem, HttpServerRequest request, Map<String, String> headers) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withContext(request.path(), requestId == null ? null : requestId.toString()));
        headers.forEach(builder::header);
        return builder.build();
    }
}
