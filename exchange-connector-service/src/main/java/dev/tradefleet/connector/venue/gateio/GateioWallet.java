package dev.tradefleet.connector.venue.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.VenueWallet;
import dev.tradefleet.connector.venue.WalletHistory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static dev.tradefleet.connector.venue.http.JsonFields.decimalOrNull;
import static dev.tradefleet.connector.venue.http.JsonFields.decimalOrZero;

/**
 * The wallet of one Gate.io account: a currency's chains ({@code currency_chains}, public) with their fees and
 * minimum ({@code withdraw_status}), its multichain deposit addresses, records within 30 days, withdrawals under a
 * {@code withdraw_order_id}. Gate.io's times are seconds.
 */
final class GateioWallet implements VenueWallet {

    private static final Duration REACH = Duration.ofDays(30).minusMinutes(1);
    /** Records in one answer at most. */
    private static final int PAGE = 500;

    private final GateioHttp http;
    private final String account;
    private final Clock clock;

    GateioWallet(GateioHttp http, String account, Clock clock) {
        this.http = http;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public CompletionStage<List<Network>> networks(String asset) {
        return http.get("/wallet/currency_chains", Map.of("currency", asset), VenueRequest.accountRead(account, 1))
                .thenCombine(http.signed("GET", "/wallet/withdraw_status", Map.of("currency", asset), null, VenueRequest.walletRead(account, 0),
                        null), (chains, statuses) -> {
                    JsonNode status = statuses.isArray() && !statuses.isEmpty() ? statuses.get(0) : statuses;
                    List<Network> networks = new ArrayList<>();
                    for (JsonNode chain : chains) {
                        String name = chain.path("chain").asText();
                        networks.add(new Network(asset, name, chain.path("is_deposit_disabled").asInt() == 0,
                                chain.path("is_withdraw_disabled").asInt() == 0, fee(status, name), decimalOrNull(status, "withdraw_amount_mini"),
                                decimalOrNull(status, "withdraw_eachtime_limit")));
                    }
                    return networks;
                });
    }

    @Override
    public CompletionStage<DepositAddress> depositAddress(String asset, String network) {
        return http.signed("GET", "/wallet/deposit_address", Map.of("currency", asset), null, VenueRequest.walletRead(account, 0), null)
                .thenApply(json -> {
                    for (JsonNode address : json.path("multichain_addresses")) {
                        if (network.equals(address.path("chain").asText()) && address.path("obtain_failed").asInt() == 0) {
                            String memo = address.path("payment_id").asText("");
                            return new DepositAddress(asset, network, address.path("address").asText(), memo.isEmpty() ? null : memo);
                        }
                    }
                    throw new VenueRejection("no-deposit-address", "gate.io has no " + asset + " deposit address on " + network);
                });
    }

    @Override
    public CompletionStage<List<Deposit>> deposits(String asset, Instant since) {
        return whole(since, (from, to) -> http.signed("GET", "/wallet/deposits", window(asset, from, to), null, VenueRequest.walletRead(account, 0), null)
                .thenApply(list -> {
                    List<Deposit> deposits = new ArrayList<>();
                    for (JsonNode d : records(list)) {
                        deposits.add(new Deposit(d.path("id").asText(), d.path("currency").asText(), d.path("chain").asText(), decimalOrZero(d, "amount"),
                                d.path("address").asText(), memo(d), d.path("txid").asText(null), depositStatus(d.path("status").asText()),
                                Instant.ofEpochSecond(d.path("timestamp").asLong())));
                    }
                    return deposits;
                }), Deposit::id);
    }

    @Override
    public CompletionStage<String> withdraw(String clientId, String asset, String network, BigDecimal amount, String address, String memo) {
        ObjectNode body = GateioHttp.body().put("withdraw_order_id", clientId).put("currency", asset).put("address", address)
                .put("amount", amount.toPlainString());
        if (memo != null) {
            body.put("memo", memo);
        }
        body.put("chain", network);
        return http.signed("POST", "/withdrawals", Map.of(), body, VenueRequest.transfer(account, 0), null).thenApply(json -> json.path("id").asText());
    }

    @Override
    public CompletionStage<List<Withdrawal>> withdrawals(String asset, Instant since) {
        return whole(since, (from, to) -> withdrawals(window(asset, from, to)), Withdrawal::id);
    }

    @Override
    public CompletionStage<Optional<Withdrawal>> withdrawal(String clientId, String asset, Instant since) {
        return whole(since, (from, to) -> {
            Map<String, String> query = new HashMap<>(window(asset, from, to));
            query.put("withdraw_order_id", clientId);
            return withdrawals(query);
        }, Withdrawal::id).thenApply(all -> VenueWallet.askedUnder(clientId, all));
    }

    private CompletionStage<List<Withdrawal>> withdrawals(Map<String, String> query) {
        return http.signed("GET", "/wallet/withdrawals", query, null, VenueRequest.walletRead(account, 0), null).thenApply(list -> {
            List<Withdrawal> withdrawals = new ArrayList<>();
            for (JsonNode w : records(list)) {
                withdrawals.add(new Withdrawal(w.path("id").asText(), w.path("withdraw_order_id").asText(null), w.path("currency").asText(),
                        w.path("chain").asText(), decimalOrZero(w, "amount"), decimalOrZero(w, "fee"), w.path("address").asText(), memo(w),
                        w.path("txid").asText(null), withdrawalStatus(w.path("status").asText()), Instant.ofEpochSecond(w.path("timestamp").asLong())));
            }
            return withdrawals;
        });
    }

    /** The records since {@code since} (within Gate.io's 30 days), the whole of them however many pages they fill. */
    private <T> CompletionStage<List<T>> whole(Instant since, WalletHistory.Span<T> span, Function<T, String> id) {
        return WalletHistory.since(since, clock, REACH, PAGE, Duration.ofSeconds(1), span, id);
    }

    private static Map<String, String> window(String asset, Instant from, Instant to) {
        return Map.of("currency", asset, "from", String.valueOf(from.getEpochSecond()), "to", String.valueOf(to.getEpochSecond()),
                "limit", String.valueOf(PAGE));
    }

    /** The chain's own fixed fee, else the currency's; null when Gate.io states neither. */
    private static BigDecimal fee(JsonNode status, String chain) {
        BigDecimal own = decimalOrNull(status.path("withdraw_fix_on_chains"), chain);
        return own != null ? own : decimalOrNull(status, "withdraw_fix");
    }

    /** The records of a list; Gate.io's documented withdrawal list is nested once more, which is read the same. */
    private static List<JsonNode> records(JsonNode list) {
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode entry : list) {
            if (entry.isArray()) {
                entry.forEach(records::add);
            } else {
                records.add(entry);
            }
        }
        return records;
    }

    private static String memo(JsonNode record) {
        String memo = record.path("memo").asText("");
        return memo.isEmpty() ? null : memo;
    }

    /** DONE and DEP_CREDITED are credited; INVALID and BLOCKED failed; REVIEW, PEND and TRACK are on their way. */
    private static TransferStatus depositStatus(String status) {
        return switch (status) {
            case "DONE", "DEP_CREDITED" -> TransferStatus.COMPLETED;
            case "INVALID", "BLOCKED" -> TransferStatus.FAILED;
            default -> TransferStatus.PENDING;
        };
    }

    /** DONE is sent; CANCEL cancelled; FAIL and INVALID failed; the rest (REQUEST, MANUAL, PEND, …) on its way. */
    private static TransferStatus withdrawalStatus(String status) {
        return switch (status) {
            case "DONE" -> TransferStatus.COMPLETED;
            case "CANCEL" -> TransferStatus.CANCELLED;
            case "FAIL", "INVALID" -> TransferStatus.FAILED;
            default -> TransferStatus.PENDING;
        };
    }
}
