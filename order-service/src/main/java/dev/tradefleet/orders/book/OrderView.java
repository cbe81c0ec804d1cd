package dev.tradefleet.orders.book;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An order as its owner sees it. {@code orderId} is order-service's id (the earlier system's was the exchange's,
 * now {@code exchangeOrderId}); {@code averagePrice} is the value traded over the quantity traded, to 12 decimals
 * (half-even), null before any trade; {@code fees} sums the fees of its fills per asset, and is empty in lists.
 */
public record OrderView(UUID orderId, String exchange, String environment, String symbol, String side, String type, BigDecimal quantity,
                        BigDecimal price, String role, UUID orderGroupId, UUID parentOrderId, String status, String statusReason,
                        String clientOrderId, String exchangeOrderId, BigDecimal executedQuantity, BigDecimal cumulativeQuoteQuantity,
                        BigDecimal averagePrice, Map<String, BigDecimal> fees, List<OrderFill> fills, Instant createdAt, Instant updatedAt) {

    public static OrderView of(Order order) {
        return of(order, List.of());
    }

    public static OrderView of(Order order, List<OrderFill> fills) {
        Map<String, BigDecimal> fees = new TreeMap<>();
        fills.forEach(fill -> fees.merge(fill.feeAsset(), fill.fee(), BigDecimal::add));
        BigDecimal average = order.executedQuantity().signum() == 0 ? null
                : order.cumulativeQuote().divide(order.executedQuantity(), 12, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return new OrderView(order.id(), order.exchange(), order.environment(), order.symbol(), order.side(), order.type(),
                order.quantity(), order.price(), order.role(), order.orderGroupId(), order.parentOrderId(), order.status(),
                order.statusReason(), order.clientOrderId(), order.exchangeOrderId(), order.executedQuantity(), order.cumulativeQuote(),
                average, fees, fills, order.createdAt(), order.updatedAt());
    }
}
