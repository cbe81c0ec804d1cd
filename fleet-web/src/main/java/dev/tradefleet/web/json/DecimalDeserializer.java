package dev.tradefleet.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount, from a JSON number or a decimal string alike, written as people write amounts: an optional minus,
 * digits, an optional fraction, and at most a small exponent. Nothing else is an amount: no blank or padded string,
 * no {@code "null"}, {@code "+5"}, {@code "NaN"} or hex, and no exponent so large that working with the value (or
 * printing it) would take the service's memory or time, or overflow the checks that bound it.
 */
final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?([eE][-+]?[0-9]{1,2})?");

    DecimalDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_STRING) {
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
        String text = parser.getText();
        if (!AMOUNT.matcher(text).matches()) {
            throw context.weirdStringException(text.length() > 60 ? text.substring(0, 60) + "…" : text, BigDecimal.class,
                    "not an amount: digits with an optional fraction, as a number or a string");
        }
        return new BigDecimal(text);
    }
}
