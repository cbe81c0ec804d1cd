package dev.tradefleet.orders.positions;

/** What closed a trade, from the role of the order that sold: a take-profit, the stop, the trailing stop, or the trader. */
public enum ExitType {
    TP, SL, TRAILING, BREAKEVEN, MANUAL;

    /** {@code breakeven}: the stop had been moved to the entry price when it filled. */
    public static ExitType of(String role, boolean breakeven) {
        if (role.startsWith("TP")) {
            return TP;
        }
        return switch (role) {
            case "SL" -> breakeven ? BREAKEVEN : SL;
            case "TRAIL" -> TRAILING;
            default -> MANUAL;
        };
    }
}
