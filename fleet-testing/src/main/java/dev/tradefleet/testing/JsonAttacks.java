package dev.tradefleet.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bodies that a lenient JSON reader accepts and a strict one must refuse, built from a valid body: every
 * service's bad-input test sends each of them and expects a 400 problem+json naming the field at fault (when
 * there is one), and nothing stored.
 */
public final class JsonAttacks {

    public static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One malformed request: what it is, the bytes sent, the content type, and the field a 400 should name (or null). */
    public record Attack(String name, byte[] body, String contentType, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    private JsonAttacks() {
    }

    /**
     * @param valid     a body the endpoint accepts
     * @param textField a string field of it, the target of the per-field attacks
     */
    public static List<Attack> against(Map<String, Object> valid, String textField) {
        String json = write(valid);
        String value = (String) valid.get(textField);
        List<Attack> attacks = new ArrayList<>();
        attacks.add(new Attack("duplicate key " + textField, utf8(json.substring(0, json.length() - 1)
                + ",\"" + textField + "\":" + write(value + "x") + "}"), JSON, textField));
        attacks.add(new Attack("trailing garbage", utf8(json + " {\"more\":1}"), JSON, null));
        attacks.add(new Attack("a second value", utf8(json + json), JSON, null));
        attacks.add(new Attack("byte order mark", concat(new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8(json)), JSON, null));
        attacks.add(new Attack("UTF-16 body", json.getBytes(StandardCharsets.UTF_16LE), JSON, null));
        attacks.add(new Attack("UTF-16 with BOM", json.getBytes(StandardCharsets.UTF_16), JSON, null));
        attacks.add(new Attack("charset utf-16 declared", utf8(json), JSON + "; charset=utf-16", null));
        attacks.add(new Attack("invalid UTF-8", concat(utf8(json.substring(0, json.length() - 1) + ",\"x\":\""),
                new byte[]{(byte) 0xc3, (byte) 0x28}, utf8("\"}")), JSON, null));
        attacks.add(new Attack("raw NUL byte", utf8(json.replaceFirst("\\{", "{\u0000")), JSON, null));
        attacks.add(new Attack("number for " + textField, with(valid, textField, 42), JSON, textField));
        attacks.add(new Attack("boolean for " + textField, with(valid, textField, true), JSON, textField));
        attacks.add(new Attack("object for " + textField, with(valid, textField, Map.of("a", 1)), JSON, textField));
        attacks.add(new Attack("escaped NUL in " + textField, with(valid, textField, value + "\u0000"), JSON, textField));
        attacks.add(new Attack("escape sequence in " + textField, with(valid, textField, value + "\u001b[31m"), JSON, textField));
        attacks.add(new Attack("line break in " + textField, with(valid, textField, value + "\nX-Injected: 1"), JSON, textField));
        attacks.add(new Attack("right-to-left override in " + textField, with(valid, textField, "\u202e" + value), JSON, textField));
        attacks.add(new Attack("isolate in " + textField, with(valid, textField, value + "\u2066x\u2069"), JSON, textField));
        attacks.add(new Attack("C1 control in " + textField, with(valid, textField, value + "\u0085"), JSON, textField));
        return attacks;
    }

    /** A request that sends the attack's content type exactly as given (no charset appended) and its bytes. */
    public static RequestSpecification send(Attack attack) {
        return RestAssured.given().config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(attack.contentType()).body(attack.body());
    }

    private static byte[] with(Map<String, Object> valid, String field, Object replacement) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        body.put(field, replacement);
        return utf8(write(body));
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
