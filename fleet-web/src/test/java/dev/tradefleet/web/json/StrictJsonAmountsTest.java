package dev.tradefleet.web.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonAmountsTest {

    record Order(BigDecimal amount) {
    }

    private final ObjectMapper json = StrictJson.configure(new ObjectMapper());

    private BigDecimal read(String amount) throws Exception {
        return json.readValue("{\"amount\":" + amount + "}", Order.class).amount();
    }

    @Test
    void anAmountIsReadExactlyFromADecimalStringOrAJsonNumber() throws Exception {
        assertEquals(new BigDecimal("0.00005"), read("\"0.00005\""));
        assertEquals(new BigDecimal("0.00005"), read("0.00005"));
        assertEquals(new BigDecimal("5"), read("5"));
        assertEquals(new BigDecimal("-12.50"), read("\"-12.50\""), "its scale kept");
        assertEquals(new BigDecimal("5E-3"), read("5e-3"), "a small exponent, as some clients write numbers");
        assertEquals(null, read("null"), "an absent amount is for validation to refuse where it is required");
    }

    @Test
    void nothingElseIsAnAmountAndAnExponentThatCouldExhaustTheServiceIsRefusedOutright() {
        for (String notAnAmount : List.of("\"\"", "\"   \"", "\" 5 \"", "\"null\"", "\"+5\"", "\"NaN\"", "\"Infinity\"", "\"0x10\"",
                "\"1,5\"", "\"5.\"", "\".5\"", "true", "{}", "[5]", "1e2147483647", "\"1e2147483647\"", "1e-999",
                "\"" + "9".repeat(41) + "\"")) {
            MismatchedInputException refused = assertThrows(MismatchedInputException.class, () -> read(notAnAmount), notAnAmount);
            assertEquals("amount", refused.getPath().get(0).getFieldName(), notAnAmount + " is refused naming its field");
        }
    }
}
