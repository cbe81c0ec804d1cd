package dev.tradefleet.web;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Answers a Vert.x route (outside JAX-RS: filters, the gateway's proxy) with problem+json. */
public final class RoutingProblems {

    private RoutingProblems() {
    }

    public static void send(RoutingContext context, ProblemException problem) {
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        Problem body = problem.toProblem().withContext(context.request().path(), context.get(RequestIds.MDC_KEY));
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        problem.headers().forEach(context.response()::putHeader);
        context.response().end(Json.encode(body));
    }
}
