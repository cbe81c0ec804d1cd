package dev.tradefleet.connector.venue;

import dev.tradefleet.connector.venue.binance.BinanceSigner;
import dev.tradefleet.connector.venue.bitget.BitgetSigner;
import dev.tradefleet.connector.venue.gateio.GateioSigner;
import dev.tradefleet.connector.venue.mexc.MexcSigner;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each signer against its venue's own documented example (Bitget publishes none: see its test). */
class SignersTest {

    @Test
    void binanceSignsLikeItsDocumentation() {
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        // rest-api.md, "SIGNED endpoint examples": all in the query string; then query and body mixed
        assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", BinanceSigner.signature(secret,
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", null));
        assertEquals("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77", BinanceSigner.signature(secret,
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"));
    }

    @Test
    void mexcSignsLikeItsDocumentation() {
        String secret = "45d0b3c26f2644f19bfb98b07741b2f5";
        // spot v3 docs, signature examples 2 and 3 (example 1 prints a value that does not match its own input)
        assertEquals("fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a", MexcSigner.signature(secret,
                "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087", null));
        assertEquals("d1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592", MexcSigner.signature(secret,
                "symbol=BTCUSDT&side=BUY&type=LIMIT", "quantity=1&price=11&recvWindow=5000&timestamp=1644489390087"));
    }

    @Test
    void gateioSignsLikeItsDocumentation() {
        // APIv4 docs, "Authentication": key "key", secret "secret", timestamp 1541993715
        assertEquals("55f84ea195d6fe57ce62464daaa7c3c02fa9d1dde954e4c898289c9a2407a3d6fb3faf24deff16790d726b66ac9f74526668b13bd01029199cc4fcc522418b8a",
                GateioSigner.signature("secret", "GET", "/api/v4/futures/orders", "contract=BTC_USD&status=finished&limit=50", "", 1541993715));
        assertEquals("eae42da914a590ddf727473aff25fc87d50b64783941061f47a3fdb92742541fc4c2c14017581b4199a1418d54471c269c03a38d788d802e2c306c37636389f0",
                GateioSigner.signature("secret", "POST", "/api/v4/futures/orders", "",
                        "{\"contract\":\"BTC_USD\",\"type\":\"limit\",\"size\":100,\"price\":6800,\"time_in_force\":\"gtc\"}", 1541993715));
    }

    /**
     * Bitget's documentation shows the string to sign but no signature value, so this pins the composition:
     * timestamp, upper-case method, path, "?" and the query only when there is one, then the body.
     */
    @Test
    void bitgetSignsTheDocumentedStringToSign() throws Exception {
        String secret = "bitget-test-secret";
        String body = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"23222.5\",\"size\":\"1\"}";
        assertEquals(reference(secret, "1684814440729POST/api/v2/spot/trade/place-order" + body),
                BitgetSigner.signature(secret, 1684814440729L, "post", "/api/v2/spot/trade/place-order", null, body));
        assertEquals(reference(secret, "1684814440729GET/api/v2/spot/account/assets?coin=USDT"),
                BitgetSigner.signature(secret, 1684814440729L, "GET", "/api/v2/spot/account/assets", "coin=USDT", null));
        assertEquals(reference(secret, "1684814440729GET/api/v2/spot/account/assets"),
                BitgetSigner.signature(secret, 1684814440729L, "GET", "/api/v2/spot/account/assets", "", ""));
    }

    private static String reference(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
