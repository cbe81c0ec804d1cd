package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.venue.Venue;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * Checks a SIGNED request as Binance does, in Binance's order: the API key (-2014, -2015), the mandatory
 * timestamp and the receive window (-1021), then the signature (-1022).
 */
@ApplicationScoped
public class SignedRequests {

    /** Who sent a verified request, and its parameters. */
    public record Signed(long account, Params params) {
    }

    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9]{1,128}");
    private static final long DEFAULT_RECV_WINDOW = 5000;
    private static final long MAX_RECV_WINDOW = 60_000;
    /** Binance refuses a timestamp more than a second ahead of its clock. */
    private static final long MAX_AHEAD = 1000;

    private final Venue venue;

    SignedRequests(Venue venue) {
        this.venue = venue;
    }

    public Signed verify(HttpServerRequest request, String body) {
        return verify(Venue.Api.BINANCE, request.getHeader("X-MBX-APIKEY"), Params.of(request.query(), body));
    }

    /** A request to the MEXC face: MEXC's key header, Binance's scheme, an account of that face. */
    public Signed verifyMexc(HttpServerRequest request, String body) {
        return verify(Venue.Api.MEXC, request.getHeader("X-MEXC-APIKEY"), Params.of(request.query(), body));
    }

    /**
     * The checks themselves, for REST and the WebSocket API alike, and for each face of the exchange (MEXC signs as
     * Binance does): a key opens only accounts of its own face.
     */
    public Signed verify(Venue.Api api, String apiKey, Params params) {
        if (apiKey == null || !KEY_FORMAT.matcher(apiKey).matches()) {
            throw new BinanceException(401, -2014, "API-key format invalid.");
        }
        Venue.ApiKey key = venue.apiKey(apiKey, api);
        if (key == null) {
            throw new BinanceException(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        long timestamp = params.longValue("timestamp", -1);
        if (timestamp < 0) {
            throw BinanceException.mandatory("timestamp");
        }
        long recvWindow = params.longValue("recvWindow", DEFAULT_RECV_WINDOW);
        if (recvWindow <= 0 || recvWindow > MAX_RECV_WINDOW) {
            throw BinanceException.badRequest(-1131, "recvWindow must be less than 60000");
        }
        long now = System.currentTimeMillis();
        if (timestamp > now + MAX_AHEAD || now - timestamp > recvWindow) {
            throw BinanceException.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
        }
        if (params.signature() == null) {
            throw BinanceException.mandatory("signature");
        }
        if (!Signatures.verify(key.secretKey(), params.signedPayload(), params.signature())) {
            throw BinanceException.badRequest(-1022, "Signature for this request is not valid.");
        }
        return new Signed(key.account(), params);
    }
}
