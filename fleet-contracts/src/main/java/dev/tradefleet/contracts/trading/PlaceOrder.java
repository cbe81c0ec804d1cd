package dev.tradefleet.contracts.trading;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Place one order. Exactly one of {@code quantity} (base) and {@code quoteQuantity} is given; a quote amount is
 * for MARKET orders only. LIMIT, LIMIT_MAKER and STOP_LIMIT need a price; STOP_LIMIT needs a stop price.
 */
public record PlaceOrder(UUID intentId, UUID credentialId, UUID userId, String requestedBy, String symbol, OrderSide side,
                         OrderKind kind, TimeInForce timeInForce, BigDecimal quantity, BigDecimal quoteQuantity,
                         BigDecimal price, BigDecimal stopPrice) implements TradingIntent {

    public static final String TYPE = "trading.intent.place-order";

    public PlaceOrder {
        Checks.intent(intentId, credentialId, userId, requestedBy, symbol);
        Checks.present(side, "side");
        Checks.present(kind, "kind");
        Checks.positive(quantity, "quantity");
        Checks.positive(quoteQuantity, "quoteQuantity");
        Checks.positive(price, "price");
        Checks.positive(stopPrice, "stopPrice");
        if ((quantity == null) == (quoteQuantity == null)) {
            throw new IllegalArgumentException("exactly one of quantity and quoteQuantity is required");
        }
        if (quoteQuantity != null && kind != OrderKind.MARKET) {
            throw new IllegalArgumentException("a quote amount is for MARKET orders only");
        }
        if (kind != OrderKind.MARKET && price == null) {
            throw new IllegalArgumentException(kind + " needs a price");
        }
        if (kind == OrderKind.STOP_LIMIT && stopPrice == null) {
            throw new IllegalArgumentException("STOP_LIMIT needs a stop price");
        }
        if (kind != OrderKind.STOP_LIMIT && stopPrice != null) {
            throw new IllegalArgumentException("only STOP_LIMIT takes a stop price");
        }
        if (timeInForce == null) {
            timeInForce = kind == OrderKind.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
