package dev.tradefleet.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;

/** Stamps every request with an id (the gateway's, when it sent one), echoes it, and logs with it. */
public class RequestIdFilter {

    @RouteFilter(1000)
    void stamp(RoutingContext context) {
        String id = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        context.put(RequestIds.MDC_KEY, id);
        context.response().putHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        context.addEndHandler(ignored -> MDC.remove(RequestIds.MDC_KEY));
        context.next();
    }
}
