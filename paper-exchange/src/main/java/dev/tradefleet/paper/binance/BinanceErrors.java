package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.matching.Rejection;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The paper exchange answers errors the way Binance does ({@code {"code", "msg"}}), not with problem+json:
 * it stands in for an external venue, and clients written for Binance must work against it unchanged.
 */
public class BinanceErrors {

    private static final Logger LOG = Logger.getLogger(BinanceErrors.class);

    @ServerExceptionMapper
    public Response binance(BinanceException e) {
        return respond(e.status(), e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response rejected(Rejection e) {
        return respond(400, e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(404, -1000, "Unknown endpoint.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        return respond(e.getResponse().getStatus(), -1000, e.getResponse().getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return respond(500, -1000, "An unknown error occurred while processing the request.");
    }

    static Response respond(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
