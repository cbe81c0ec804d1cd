package dev.tradefleet.paper.matching;

public enum OrderType {
    LIMIT, MARKET, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT;

    public boolean isStop() {
        return this == STOP_LOSS_LIMIT || this == TAKE_PROFIT_LIMIT;
    }
}
