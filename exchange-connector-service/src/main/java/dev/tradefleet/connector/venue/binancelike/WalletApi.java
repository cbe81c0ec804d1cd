package dev.tradefleet.connector.venue.binancelike;

import dev.tradefleet.connector.venue.VenueWallet.TransferStatus;

import java.time.Duration;
import java.util.function.IntFunction;

/**
 * Where a Binance-family venue keeps its wallet endpoints and how it words them.
 *
 * @param prefix           the capital endpoints' path ({@code /sapi/v1/capital}, MEXC's {@code /api/v3/capital})
 * @param withdrawPath     the withdrawal request, after {@code prefix}
 * @param networkParam     the withdrawal's network parameter ({@code network}, MEXC's {@code netWork})
 * @param memoParam        the withdrawal's memo parameter ({@code addressTag}, MEXC's {@code memo})
 * @param historyReach     how far back one history answer may reach
 * @param depositStatus    a deposit's numeric status in the fleet's terms
 * @param withdrawalStatus a withdrawal's numeric status in the fleet's terms
 */
public record WalletApi(String prefix, String withdrawPath, String networkParam, String memoParam, Duration historyReach,
                        IntFunction<TransferStatus> depositStatus, IntFunction<TransferStatus> withdrawalStatus) {

    /**
     * Binance SAPI: deposits 0 pending, 8 waiting for the user, 6 credited (not yet withdrawable) and 1 success,
     * 7 wrong deposit and 2 rejected; withdrawals 0 email sent, 2 awaiting approval, 4 processing, 6 completed,
     * 1 cancelled, 3 rejected and 5 failure. Histories reach 90 days back.
     */
    public static final WalletApi BINANCE = new WalletApi("/sapi/v1/capital", "/withdraw/apply", "network", "addressTag",
            Duration.ofDays(90).minusMinutes(1),
            status -> switch (status) {
                case 1, 6 -> TransferStatus.COMPLETED;
                case 2, 7 -> TransferStatus.FAILED;
                default -> TransferStatus.PENDING;
            },
            status -> switch (status) {
                case 6 -> TransferStatus.COMPLETED;
                case 1 -> TransferStatus.CANCELLED;
                case 3, 5 -> TransferStatus.FAILED;
                default -> TransferStatus.PENDING;
            });
}
