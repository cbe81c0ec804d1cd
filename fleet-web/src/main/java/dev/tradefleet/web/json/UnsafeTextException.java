package dev.tradefleet.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A string with a forbidden character; the message never repeats the value (it may be a password). */
public final class UnsafeTextException extends JsonMappingException {

    public static final String MESSAGE = "contains a control or direction-override character";

    UnsafeTextException(JsonParser parser) {
        super(parser, MESSAGE);
    }
}
