package dev.tradefleet.contracts.trading;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A native one-cancels-the-other pair (take profit and stop loss of a position): a limit leg at
 * {@code limitPrice} and a stop-limit leg triggered at {@code stopPrice}, limited at {@code stopLimitPrice}.
 * Only for venues that declare native OCO; elsewhere the caller emulates it.
 */
public record PlaceOco(UUID intentId, UUID credentialId, UUID userId, String requestedBy, String symbol, OrderSide side,
                       BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal stopLimitPrice)
        implements TradingIntent {

    public static final String TYPE = "trading.intent.place-oco";

    public PlaceOco {
        Checks.intent(intentId, credentialId, userId, requestedBy, symbol);
        Checks.present(side, "side");
        Checks.present(Checks.positive(quantity, "quantity"), "quantity");
        Checks.present(Checks.positive(limitPrice, "limitPrice"), "limitPrice");
        Checks.present(Checks.positive(stopPrice, "stopPrice"), "stopPrice");
        Checks.present(Checks.positive(stopLimitPrice, "stopLimitPrice"), "stopLimitPrice");
        boolean sell = side == OrderSide.SELL;
        if (sell ? limitPrice.compareTo(stopPrice) <= 0 : limitPrice.compareTo(stopPrice) >= 0) {
            throw new IllegalArgumentException(sell ? "a SELL OCO takes profit above its stop" : "a BUY OCO takes profit below its stop");
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    /**
     * The id the take-profit (limit) leg goes by: its order updates and fills carry it as their {@code intentId},
     * and the venue's client order id of the leg is derived from it. Derived from the intent id, so the requester
     * knows it before anything happens.
     */
    public UUID takeProfitLegId() {
        return legId("take-profit");
    }

    /** The id the stop-loss (stop-limit) leg goes by, as {@link #takeProfitLegId()}. */
    public UUID stopLossLegId() {
        return legId("stop-loss");
    }

    private UUID legId(String leg) {
        return UUID.nameUUIDFromBytes((intentId + "/" + leg).getBytes(StandardCharsets.UTF_8));
    }
}
