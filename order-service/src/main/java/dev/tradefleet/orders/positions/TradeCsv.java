package dev.tradefleet.orders.positions;

import java.math.BigDecimal;

/** A closed trade as a CSV row (RFC 4180, comma-separated, amounts as plain decimals); every field is the server's own, none free text. */
final class TradeCsv {

    static final String HEADER = "id,exchange,environment,symbol,side,entry_order_id,exit_order_id,entry_time,exit_time,quantity,"
            + "entry_price,exit_price,entry_fees,exit_fees,gross_pnl,net_pnl,pnl_percentage,exit_type,hold_seconds\r\n";

    static String row(PortfolioResource.Trade trade) {
        return String.join(",", trade.id(), trade.exchange(), trade.environment(), trade.symbol(), trade.side(),
                trade.entryOrderId().toString(), trade.exitOrderId().toString(), trade.entryTime().toString(), trade.exitTime().toString(),
                plain(trade.quantity()), plain(trade.entryPrice()), plain(trade.exitPrice()), plain(trade.entryFees()), plain(trade.exitFees()),
                plain(trade.grossPnl()), plain(trade.netPnl()), plain(trade.pnlPercentage()), trade.exitType(),
                String.valueOf(trade.holdSeconds())) + "\r\n";
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    private TradeCsv() {
    }
}
