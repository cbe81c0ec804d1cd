package dev.tradefleet.connector.venue.mexc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradefleet.connector.venue.MarketData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** MEXC's market descriptions read into the fleet's terms, from the shapes MEXC's documentation shows. */
class MexcDialectTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSymbolsPrecisionsAndMinimumsBecomeTickStepAndMinimums() throws Exception {
        MarketData.SymbolInfo symbol = MexcDialect.INSTANCE.symbol(JSON.readTree("""
                {"symbol":"TOMO3LUSDT","status":"1","baseAsset":"TOMO3L","baseAssetPrecision":2,"quoteAsset":"USDT",
                 "quotePrecision":3,"quoteAmountPrecision":"5","baseSizePrecision":"0.0001","filters":[]}"""));
        assertEquals("TRADING", symbol.status());
        assertEquals(new BigDecimal("0.001"), symbol.tickSize());
        assertEquals(new BigDecimal("0.01"), symbol.stepSize());
        assertEquals(new BigDecimal("0.0001"), symbol.minQuantity());
        assertEquals(new BigDecimal("5"), symbol.minNotional());
        assertEquals("HALT", MexcDialect.INSTANCE.symbol(JSON.readTree("{\"status\":\"2\"}")).status());
        assertEquals("TRADING", MexcDialect.INSTANCE.symbol(JSON.readTree("{\"status\":\"ENABLED\"}")).status());
    }

    @Test
    void theDaysChangeIsAFractionAndAnHourIsSixtyMinutes() throws Exception {
        assertEquals(0, new BigDecimal("0.400048").compareTo(
                MexcDialect.INSTANCE.priceChangePercent(JSON.readTree("{\"priceChangePercent\":\"0.00400048\"}"))));
        assertNull(MexcDialect.INSTANCE.priceChangePercent(JSON.readTree("{\"priceChangePercent\":\"\"}")));
        assertEquals("60m", MexcDialect.INSTANCE.interval("1h"));
        assertEquals("4h", MexcDialect.INSTANCE.interval("4h"));
    }
}
