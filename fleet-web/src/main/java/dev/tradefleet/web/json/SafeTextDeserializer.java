package dev.tradefleet.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/** Reads a string as Jackson does (coercion rules included), then refuses the characters {@link SafeText} forbids. */
final class SafeTextDeserializer extends StdScalarDeserializer<String> {

    SafeTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && !SafeText.isSafe(value)) {
            throw new UnsafeTextException(parser);
        }
        return value;
    }
}
