package dev.tradefleet.paper.mexc;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error the MEXC face answers, whoever raised it (the signature checks, the engine, an unknown path), leaves
 * with MEXC's code: one translation at the edge rather than one in every endpoint.
 */
@Singleton
public class MexcErrorFilter {

    @ServerResponseFilter
    public void translate(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !MexcApi.serves(request.getUriInfo().getPath())
                || !(response.getEntity() instanceof Map<?, ?> body) || !(body.get("code") instanceof Integer code)) {
            return;
        }
        MexcErrors.Error error = MexcErrors.of(response.getStatus(), code, String.valueOf(body.get("msg")));
        Map<String, Object> translated = new LinkedHashMap<>();
        translated.put("code", error.code());
        translated.put("msg", error.msg());
        response.setStatus(error.status());
        response.setEntity(translated);
    }
}
