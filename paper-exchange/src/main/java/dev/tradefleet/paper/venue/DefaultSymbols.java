package dev.tradefleet.paper.venue;

import dev.tradefleet.paper.matching.SymbolSpec;

import java.util.List;

/**
 * The symbols the paper exchange lists, with filters like Binance's. (ETHBTC's step is 0.001 where Binance's
 * is 0.0001: tick and step together may have at most 8 decimals here, see Units.)
 */
public final class DefaultSymbols {

    private DefaultSymbols() {
    }

    public static List<SymbolSpec> all() {
        return List.of(
                SymbolSpec.of("BTCUSDT", "BTC", "USDT", "0.01", "0.01", "1000000", "0.00001", "0.00001", "9000", "5"),
                SymbolSpec.of("ETHUSDT", "ETH", "USDT", "0.01", "0.01", "1000000", "0.0001", "0.0001", "9000", "5"),
                SymbolSpec.of("BNBUSDT", "BNB", "USDT", "0.01", "0.01", "1000000", "0.001", "0.001", "90000", "5"),
                SymbolSpec.of("SOLUSDT", "SOL", "USDT", "0.01", "0.01", "1000000", "0.001", "0.001", "90000", "5"),
                SymbolSpec.of("ETHBTC", "ETH", "BTC", "0.00001", "0.00001", "1000", "0.001", "0.001", "100000", "0.0001"));
    }
}
