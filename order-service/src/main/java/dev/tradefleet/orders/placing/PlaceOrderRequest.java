package dev.tradefleet.orders.placing;

import dev.tradefleet.contracts.trading.OrderSide;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * {@code POST /api/exchanges/place-order}, as the earlier system took it: an exchange (any case), a symbol, a side,
 * MARKET or LIMIT (with its price), and exactly one of {@code quantity} (base), {@code sizeUsd} (a value in a USD
 * quote asset) and {@code sizePct} (a fraction, up to 1, of the account's value). Without {@code environment} or
 * {@code label} the trader's one active credential on the exchange is used.
 */
public record PlaceOrderRequest(
        @NotNull @Pattern(regexp = PlaceOrderRequest.EXCHANGES, message = PlaceOrderRequest.EXCHANGES_MESSAGE) String exchange,
        @Pattern(regexp = PlaceOrderRequest.ENVIRONMENTS, message = PlaceOrderRequest.ENVIRONMENTS_MESSAGE) String environment,
        @Size(min = 1, max = 64) String label,
        @NotNull @Pattern(regexp = PlaceOrderRequest.SYMBOL, message = PlaceOrderRequest.SYMBOL_MESSAGE) String symbol,
        @NotNull OrderSide side,
        @NotNull Type type,
        @Positive @Digits(integer = 20, fraction = 18) BigDecimal price,
        @Positive @Digits(integer = 20, fraction = 18) BigDecimal quantity,
        @Positive @Digits(integer = 20, fraction = 18) BigDecimal sizeUsd,
        @Positive @DecimalMax("1") @Digits(integer = 1, fraction = 18) BigDecimal sizePct) {

    public static final String EXCHANGES = "(?i)binance|bitget|gateio|mexc";
    public static final String EXCHANGES_MESSAGE = "must be one of BINANCE, BITGET, GATEIO, MEXC";
    public static final String ENVIRONMENTS = "live|testnet|paper";
    public static final String ENVIRONMENTS_MESSAGE = "must be one of live, testnet, paper";
    public static final String SYMBOL = "[A-Za-z0-9]{2,30}";
    public static final String SYMBOL_MESSAGE = "must be a symbol such as BTCUSDT";

    public enum Type { MARKET, LIMIT }
}
