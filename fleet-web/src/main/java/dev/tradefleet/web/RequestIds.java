package dev.tradefleet.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The request id that follows a request from the gateway through every service and into the logs. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** Keeps a caller's id when it is harmless (no log injection), otherwise makes a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * A random 128-bit id in UUID form. Request ids correlate logs and need no cryptographic strength, so
     * they come from the thread's own generator rather than the shared, synchronised SecureRandom.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
