package dev.tradefleet.connector.venue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One venue account's wallet, in the fleet's terms: the networks an asset moves on, where to deposit, what arrived,
 * and withdrawals (market making moves funds between the custody wallet and venues). Calls pass the venue's limiter
 * as account reads, a withdrawal as a placement. Failures are sorted as {@link VenueClient}'s are.
 */
public interface VenueWallet {

    /**
     * A network {@code asset} moves on at this venue, with what a withdrawal on it costs and must reach (each null when
     * the venue does not say; a fee in percent some venues add is not in it).
     */
    record Network(String asset, String network, boolean depositEnabled, boolean withdrawEnabled, BigDecimal withdrawFee,
                   BigDecimal withdrawMin, BigDecimal withdrawMax) {
    }

    /** Where to send {@code asset} on {@code network} to credit this account; {@code memo} (tag) when the network needs one. */
    record DepositAddress(String asset, String network, String address, String memo) {
    }

    /** Where a deposit or withdrawal stands: on its way, done (credited, or sent), or not happening. */
    enum TransferStatus { PENDING, COMPLETED, FAILED, CANCELLED }

    record Deposit(String id, String asset, String network, BigDecimal amount, String address, String memo, String txId,
                   TransferStatus status, Instant time) {
    }

    /**
     * A withdrawal; {@code clientId} is the id it was asked under (null for one made elsewhere), {@code fee} what the
     * venue kept of the account's funds besides {@code amount}.
     */
    record Withdrawal(String id, String clientId, String asset, String network, BigDecimal amount, BigDecimal fee, String address,
                      String memo, String txId, TransferStatus status, Instant time) {
    }

    /** The withdrawal asked for under {@code clientId} among {@code withdrawals}, whatever else the venue answered. */
    static Optional<Withdrawal> askedUnder(String clientId, List<Withdrawal> withdrawals) {
        return withdrawals.stream().filter(withdrawal -> clientId.equals(withdrawal.clientId())).findFirst();
    }

    /** The networks of {@code asset}. */
    CompletionStage<List<Network>> networks(String asset);

    CompletionStage<DepositAddress> depositAddress(String asset, String network);

    /** Deposits of {@code asset} made from {@code since} on (venues keep a limited history: at most their window back). */
    CompletionStage<List<Deposit>> deposits(String asset, Instant since);

    /**
     * Asks the venue to send {@code amount} of {@code asset} to {@code address} on {@code network}, under
     * {@code clientId} (the venue's withdraw order id); completes with the venue's id. An {@link AmbiguousOutcome}
     * means it may have been accepted: ask {@link #withdrawal} for {@code clientId} before asking again.
     */
    CompletionStage<String> withdraw(String clientId, String asset, String network, BigDecimal amount, String address, String memo);

    /** Withdrawals of {@code asset} made from {@code since} on. */
    CompletionStage<List<Withdrawal>> withdrawals(String asset, Instant since);

    /** The withdrawal of {@code asset} asked for under {@code clientId} from {@code since} on, if the venue has one. */
    CompletionStage<Optional<Withdrawal>> withdrawal(String clientId, String asset, Instant since);
}
