package dev.tradefleet.contracts.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One trade of an intent's order, on {@code trading.fills.v1} keyed by the credential id; published once per
 * venue trade id. The fee is what the venue charged, in the asset it charged it in; negative when the venue paid a
 * rebate instead (a maker rebate).
 */
public record Fill(UUID intentId, UUID credentialId, UUID userId, String venue, String symbol, String clientOrderId,
                   String venueOrderId, String tradeId, OrderSide side, BigDecimal price, BigDecimal quantity,
                   BigDecimal quoteQuantity, BigDecimal fee, String feeAsset, boolean maker, Instant time) {

    public static final String TYPE = "trading.fill";

    public Fill {
        Checks.execution(intentId, credentialId, userId, venue, symbol, clientOrderId);
        Checks.text(venueOrderId, "venueOrderId");
        Checks.text(tradeId, "tradeId");
        Checks.present(side, "side");
        Checks.present(Checks.positive(price, "price"), "price");
        Checks.present(Checks.positive(quantity, "quantity"), "quantity");
        Checks.present(Checks.positive(quoteQuantity, "quoteQuantity"), "quoteQuantity");
        Checks.present(fee, "fee");
        Checks.text(feeAsset, "feeAsset");
        Checks.present(time, "time");
    }
}
