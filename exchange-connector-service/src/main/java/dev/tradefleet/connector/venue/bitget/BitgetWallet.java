package dev.tradefleet.connector.venue.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradefleet.connector.limits.VenueRequest;
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
 * The wallet of one Bitget account ({@code spot/public/coins}, {@code spot/wallet/*}): networks are chains, on-chain
 * withdrawals only, records within 90 days. Bitget states a withdrawal's fee as a negative amount.
 */
final class BitgetWallet implements VenueWallet {

    private static final Duration REACH = Duration.ofDays(90).minusMinutes(1);
    /** Records in one answer at most. */
    private static final int PAGE = 100;
    /** Bitget's coin list takes 3 calls a second per IP against the 20 of its other public endpoints: it weighs 7 of those 20. */
    private static final long COINS_WEIGHT = 7;

    private final BitgetHttp http;
    private final String account;
    private final Clock clock;

    BitgetWallet(BitgetHttp http, String account, Clock clock) {
        this.http = http;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public CompletionStage<List<Network>> networks(String asset) {
        return http.get("/api/v2/spot/public/coins", Map.of("coin", asset), VenueRequest.walletRead(account, COINS_WEIGHT)).thenApply(coins -> {
            List<Network> networks = new ArrayList<>();
            for (JsonNode coin : coins) {
                for (JsonNode chain : coin.path("chains")) {
                    networks.add(new Network(coin.path("coin").asText(), chain.path("chain").asText(), chain.path("rechargeable").asBoolean(),
                            chain.path("withdrawable").asBoolean(), decimalOrNull(chain, "withdrawFee"), decimalOrNull(chain, "minWithdrawAmount"),
                            null));
                }
            }
            return networks;
        });
    }

    @Override
    public CompletionStage<DepositAddress> depositAddress(String asset, String network) {
        return http.signedGet("/api/v2/spot/wallet/deposit-address", Map.of("coin", asset, "chain", network), VenueRequest.walletRead(account, 0))
                .thenApply(address -> new DepositAddress(asset, network, address.path("address").asText(), memo(address.path("tag"))));
    }

    @Override
    public CompletionStage<List<Deposit>> deposits(String asset, Instant since) {
        return whole(since, (from, to) -> http.signedGet("/api/v2/spot/wallet/deposit-records", window(asset, from, to), VenueRequest.walletRead(account, 0))
                .thenApply(records -> {
                    List<Deposit> deposits = new ArrayList<>();
                    for (JsonNode d : records) {
                        deposits.add(new Deposit(d.path("orderId").asText(), d.path("coin").asText(), d.path("chain").asText(), decimalOrZero(d, "size"),
                                d.path("toAddress").asText(), null, d.path("tradeId").asText(null), status(d.path("status").asText()),
                                Instant.ofEpochMilli(d.path("cTime").asLong())));
                    }
                    return deposits;
                }), Deposit::id);
    }

    @Override
    public CompletionStage<String> withdraw(String clientId, String asset, String network, BigDecimal amount, String address, String memo) {
        ObjectNode body = BitgetHttp.body().put("coin", asset).put("transferType", "on_chain").put("address", address).put("chain", network);
        if (memo != null) {
            body.put("tag", memo);
        }
        body.put("size", amount.toPlainString()).put("clientOid", clientId);
        return http.signedPost("/api/v2/spot/wallet/withdrawal", body, VenueRequest.transfer(account, 0), null)
                .thenApply(data -> data.path("orderId").asText());
    }

    @Override
    public CompletionStage<List<Withdrawal>> withdrawals(String asset, Instant since) {
        return whole(since, (from, to) -> withdrawals(window(asset, from, to)), Withdrawal::id);
    }

    @Override
    public CompletionStage<Optional<Withdrawal>> withdrawal(String clientId, String asset, Instant since) {
        return whole(since, (from, to) -> {
            Map<String, String> query = new HashMap<>(window(asset, from, to));
            query.put("clientOid", clientId);
            return withdrawals(query);
        }, Withdrawal::id).thenApply(all -> VenueWallet.askedUnder(clientId, all));
    }

    private CompletionStage<List<Withdrawal>> withdrawals(Map<String, String> query) {
        return http.signedGet("/api/v2/spot/wallet/withdrawal-records", query, VenueRequest.walletRead(account, 0)).thenApply(records -> {
            List<Withdrawal> withdrawals = new ArrayList<>();
            for (JsonNode w : records) {
                withdrawals.add(new Withdrawal(w.path("orderId").asText(), w.path("clientOid").asText(null), w.path("coin").asText(),
                        w.path("chain").asText(), decimalOrZero(w, "size"), decimalOrZero(w, "fee").abs(), w.path("toAddress").asText(),
                        memo(w.path("tag")), w.path("tradeId").asText(null), status(w.path("status").asText()),
                        Instant.ofEpochMilli(w.path("cTime").asLong())));
            }
            return withdrawals;
        });
    }

    /** The records since {@code since} (within Bitget's 90 days), the whole of them however many pages they fill. */
    private <T> CompletionStage<List<T>> whole(Instant since, WalletHistory.Span<T> span, Function<T, String> id) {
        return WalletHistory.since(since, clock, REACH, PAGE, Duration.ofMillis(1), span, id);
    }

    private static Map<String, String> window(String asset, Instant from, Instant to) {
        return Map.of("coin", asset, "startTime", String.valueOf(from.toEpochMilli()), "endTime", String.valueOf(to.toEpochMilli()),
                "limit", String.valueOf(PAGE));
    }

    private static String memo(JsonNode tag) {
        String memo = tag.asText("");
        return memo.isEmpty() ? null : memo;
    }

    private static TransferStatus status(String status) {
        return switch (status) {
            case "success" -> TransferStatus.COMPLETED;
            case "fail" -> TransferStatus.FAILED;
            default -> TransferStatus.PENDING;
        };
    }
}
