package dev.tradefleet.paper.binance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples of Binance's "SIGNED endpoint security" documentation, verbatim. */
class SignaturesTest {

    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
    private static final String BODY = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    @Test
    void allParametersInTheQueryString() {
        assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", Signatures.sign(SECRET, QUERY + "&" + BODY));
    }

    @Test
    void percentEncodedUnicodeIsSignedAsSent() {
        String payload = "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assertEquals("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3", Signatures.sign(SECRET, payload));
    }

    @Test
    void mixedQueryAndBodyAreSignedBackToBack() {
        Params params = Params.of(QUERY, BODY + "&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
        assertEquals(QUERY + BODY, params.signedPayload());
        assertTrue(Signatures.verify(SECRET, params.signedPayload(), params.signature()));
        assertTrue(Signatures.verify(SECRET, params.signedPayload(), params.signature().toUpperCase()), "hex in either case");
        assertEquals("0.1", params.optional("price"));
        assertEquals("LTCBTC", params.optional("symbol"));
    }

    @Test
    void anyChangeBreaksTheSignature() {
        Params tampered = Params.of(QUERY.replace("BUY", "SELL"),
                BODY + "&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
        assertFalse(Signatures.verify(SECRET, tampered.signedPayload(), tampered.signature()));
        assertFalse(Signatures.verify("another secret", Params.of(QUERY, BODY).signedPayload(),
                "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77"));
    }

    @Test
    void duplicateParametersAreRefused() {
        BinanceException e = assertThrows(BinanceException.class, () -> Params.of("symbol=A&symbol=B", null));
        assertEquals(-1101, e.code());
    }
}
