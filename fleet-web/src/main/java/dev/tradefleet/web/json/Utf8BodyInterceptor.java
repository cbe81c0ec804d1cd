package dev.tradefleet.web.json;

import dev.tradefleet.web.ProblemException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body is UTF-8 (RFC 8259) without a byte order mark and without NUL bytes. Jackson would otherwise
 * guess UTF-16 or UTF-32 from the first bytes, and read what a proxy in front read differently.
 */
@Provider
public class Utf8BodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !context.getMediaType().getSubtype().toLowerCase().endsWith("json")) {
            return context.proceed();
        }
        String charset = context.getMediaType().getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw notUtf8("The request body must be UTF-8; charset " + charset + " is not accepted.");
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (startsWith(body, 0xef, 0xbb, 0xbf) || startsWith(body, 0xfe, 0xff) || startsWith(body, 0xff, 0xfe)) {
            throw notUtf8("The request body must not start with a byte order mark.");
        }
        for (byte b : body) {
            if (b == 0) {
                throw notUtf8("The request body must be UTF-8 JSON; it has a NUL byte.");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw notUtf8("The request body is not valid UTF-8.");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean startsWith(byte[] body, int... mark) {
        if (body.length < mark.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if ((body[i] & 0xff) != mark[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException notUtf8(String detail) {
        return ProblemException.badRequest(detail, java.util.List.of());
    }
}
