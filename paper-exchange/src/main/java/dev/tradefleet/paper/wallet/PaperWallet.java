package dev.tradefleet.paper.wallet;

import dev.tradefleet.paper.matching.Rejection;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.venue.PaperConfig;
import dev.tradefleet.paper.venue.Venue;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The paper exchange's wallet: each coin moves on one network named after it; every account has a deposit address
 * per coin; funds sent there (by the simulation's admin, or withdrawn from another paper account) are credited after
 * the transfer delay; a withdrawal leaves the free balance at once with its fee, and is sent after the delay. A
 * withdrawal to a paper deposit address arrives there as a deposit: money moves between paper accounts and never
 * appears or vanishes.
 */
@ApplicationScoped
public class PaperWallet {

    public enum Status { PENDING, COMPLETED, FAILED }

    public record Deposit(String id, long account, String coin, long units, String address, String txId, Instant time, Status status) {
    }

    public record Withdrawal(String id, String clientId, long account, String coin, long units, long feeUnits, String address, String memo,
                             String txId, Instant time, Status status) {
    }

    private record Owner(long account, String coin) {
    }

    private final Venue venue;
    private final PaperConfig config;
    private final Duration delay;
    private final ScheduledExecutorService transfers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paper-wallet");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Owner> owners = new HashMap<>();
    private final List<Deposit> deposits = new ArrayList<>();
    private final List<Withdrawal> withdrawals = new ArrayList<>();
    private long nextDeposit = 1;

    PaperWallet(Venue venue, PaperConfig config) {
        this.venue = venue;
        this.config = config;
        this.delay = config.transferDelay();
    }

    /** The account's address for {@code coin}: the same every time, and naming no one else's. */
    public synchronized String address(long account, String coin) {
        requireCoin(coin);
        String address = "paper1" + HexFormat.of().formatHex(sha256("paper-exchange|" + account + "|" + coin)).substring(0, 38);
        owners.putIfAbsent(address, new Owner(account, coin));
        return address;
    }

    /** {@code units} of {@code coin} arriving at {@code address} in transaction {@code txId}: credited after the delay. */
    public synchronized Deposit receive(String address, String coin, long units, String txId) {
        Owner owner = owners.get(address);
        if (owner == null || !owner.coin().equals(coin)) {
            throw new Rejection(Rejection.INVALID_PARAMETER, "No " + coin + " deposit address " + address + " on this exchange.");
        }
        if (units <= 0) {
            throw new Rejection(-5007, "Quantity must be greater than zero.");
        }
        Deposit deposit = new Deposit(String.valueOf(nextDeposit++), owner.account(), coin, units, address, txId, Instant.now(), Status.PENDING);
        deposits.add(deposit);
        later(() -> credit(deposit));
        return deposit;
    }

    private synchronized void credit(Deposit pending) {
        venue.credit(pending.account(), pending.coin(), pending.units());
        deposits.set(deposits.indexOf(pending), new Deposit(pending.id(), pending.account(), pending.coin(), pending.units(), pending.address(),
                pending.txId(), pending.time(), Status.COMPLETED));
    }

    /**
     * Sends {@code units} of {@code coin} from the account's free balance, the configured fee besides; refused whole
     * (nothing debited) below the minimum, over the balance, or under a client id the account used already.
     */
    public synchronized Withdrawal withdraw(long account, String clientId, String coin, String network, long units, String address, String memo) {
        requireCoin(coin);
        if (!coin.equals(network)) {
            throw new Rejection(Rejection.INVALID_PARAMETER, "Network " + network + " is not open for " + coin + "; its network is " + coin + ".");
        }
        if (units <= 0) {
            throw new Rejection(-5007, "Quantity must be greater than zero.");
        }
        long min = Units.of(minimum(coin));
        if (units < min) {
            throw new Rejection(-4022, "Not less than the minimum pick-up quantity " + Units.toDecimal(min).stripTrailingZeros().toPlainString() + ".");
        }
        if (address == null || address.isBlank() || address.length() > 128) {
            throw new Rejection(Rejection.INVALID_PARAMETER, "Illegal address.");
        }
        if (clientId != null && withdrawals.stream().anyMatch(w -> w.account() == account && clientId.equals(w.clientId()))) {
            throw new Rejection(Rejection.INVALID_PARAMETER, "Duplicate withdrawOrderId " + clientId + ".");
        }
        long fee = Units.of(fee(coin));
        venue.debit(account, coin, units, fee);
        Withdrawal withdrawal = new Withdrawal(UUID.randomUUID().toString().replace("-", ""), clientId, account, coin, units, fee, address, memo,
                null, Instant.now(), Status.PENDING);
        withdrawals.add(withdrawal);
        later(() -> send(withdrawal));
        return withdrawal;
    }

    private synchronized void send(Withdrawal pending) {
        String txId = "paper-tx-" + pending.id();
        Withdrawal sent = new Withdrawal(pending.id(), pending.clientId(), pending.account(), pending.coin(), pending.units(), pending.feeUnits(),
                pending.address(), pending.memo(), txId, pending.time(), Status.COMPLETED);
        withdrawals.set(withdrawals.indexOf(pending), sent);
        Owner to = owners.get(pending.address());
        if (to != null && to.coin().equals(pending.coin())) {
            receive(pending.address(), pending.coin(), pending.units(), txId);
        }
    }

    /** The account's deposits of {@code coin} (or all) between the two times, newest first. */
    public synchronized List<Deposit> deposits(long account, String coin, Instant from, Instant to) {
        return deposits.stream().filter(d -> d.account() == account && (coin == null || coin.equals(d.coin())))
                .filter(d -> !d.time().isBefore(from) && !d.time().isAfter(to)).sorted((a, b) -> b.time().compareTo(a.time())).toList();
    }

    /** The account's withdrawals of {@code coin} (or all) between the two times, newest first; only {@code clientId}'s if given. */
    public synchronized List<Withdrawal> withdrawals(long account, String coin, String clientId, Instant from, Instant to) {
        return withdrawals.stream().filter(w -> w.account() == account && (coin == null || coin.equals(w.coin())))
                .filter(w -> clientId == null || clientId.equals(w.clientId()))
                .filter(w -> !w.time().isBefore(from) && !w.time().isAfter(to)).sorted((a, b) -> b.time().compareTo(a.time())).toList();
    }

    public String fee(String coin) {
        PaperConfig.Withdrawal rules = config.withdrawal().get(coin);
        return rules == null ? "0" : rules.fee();
    }

    public String minimum(String coin) {
        PaperConfig.Withdrawal rules = config.withdrawal().get(coin);
        return rules == null ? "0" : rules.min();
    }

    private void requireCoin(String coin) {
        if (coin == null || !venue.knowsAsset(coin)) {
            throw new Rejection(-4019, "Current asset is not open for withdrawal.");
        }
    }

    private void later(Runnable transfer) {
        if (delay.isZero()) {
            transfer.run();
        } else {
            transfers.schedule(transfer, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @PreDestroy
    void stop() {
        transfers.shutdownNow();
    }
}
