package dev.tradefleet.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared-oversized body with problem+json before anything reads it. (Vert.x still cuts off an
 * undeclared chunked body at {@code quarkus.http.limits.max-body-size}.)
 */
public class BodyLimitFilter {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    io.quarkus.runtime.configuration.MemorySize maxBodySize;

    @RouteFilter(900)
    void limit(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE;
            }
            if (length > maxBodySize.asLongValue()) {
                context.response().putHeader("Connection", "close");
                RoutingProblems.send(context, new ProblemException(413, "payload-too-large", "Payload too large",
                        "The request body is larger than " + maxBodySize.asLongValue() + " bytes."));
                return;
            }
        }
        context.next();
    }
}
