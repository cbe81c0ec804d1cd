package dev.tradefleet.connector.venue.binancelike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradefleet.connector.limits.VenueRequest;
import dev.tradefleet.connector.venue.VenueRejection;
import dev.tradefleet.connector.venue.VenueWallet;
import dev.tradefleet.connector.venue.WalletHistory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static dev.tradefleet.connector.venue.http.JsonFields.decimalOrNull;
import static dev.tradefleet.connector.venue.http.JsonFields.decimalOrZero;

/**
 * The wallet of one account on a Binance-family venue ({@code capital} endpoints: Binance's SAPI, MEXC's v3).
 * Binance counts these against per-endpoint SAPI limits of its own; the wallet is used rarely, and its calls are
 * counted against the venue's request weight, whose limit is the lower.
 */
final class BinanceLikeWallet implements VenueWallet {

    /** Binance's withdrawal history asked for one {@code withdrawOrderId} spans 7 days at most. */
    private static final Duration BY_CLIENT_ID_REACH = Duration.ofDays(7).minusMinutes(1);
    /** Records in one answer at most. */
    private static final int PAGE = 1000;
    private static final DateTimeFormatter BINANCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final WalletApi api;
    private final BinanceLikeHttp http;
    private final String account;
    private final Clock clock;

    BinanceLikeWallet(WalletApi api, BinanceLikeHttp http, String account, Clock clock) {
        this.api = api;
        this.http = http;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public CompletionStage<List<Network>> networks(String asset) {
        return http.signed("GET", api.prefix() + "/config/getall", Map.of(), VenueRequest.walletRead(account, 10)).thenApply(coins -> {
            List<Network> networks = new ArrayList<>();
            for (JsonNode coin : coins) {
                if (!asset.equals(coin.path("coin").asText())) {
                    continue;
                }
                for (JsonNode network : coin.path("networkList")) {
                    networks.add(new Network(asset, network(network), network.path("depositEnable").asBoolean(),
                            network.path("withdrawEnable").asBoolean(), decimalOrNull(network, "withdrawFee"), decimalOrNull(network, "withdrawMin"),
                            decimalOrNull(network, "withdrawMax")));
                }
            }
            return networks;
        });
    }

    /** MEXC names the network a withdrawal takes {@code netWork}, and its older name {@code network}. */
    private String network(JsonNode node) {
        return node.hasNonNull(api.networkParam()) ? node.path(api.networkParam()).asText() : node.path("network").asText();
    }

    /** Binance answers one address; MEXC a list of the coin's, of which only the network's own will do. */
    @Override
    public CompletionStage<DepositAddress> depositAddress(String asset, String network) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("coin", asset);
        params.put("network", network);
        return http.signed("GET", api.prefix() + "/deposit/address", params, VenueRequest.walletRead(account, 10))
                .thenApply(json -> {
                    JsonNode address = json.isArray() ? null : json;
                    for (JsonNode candidate : json.isArray() ? json : List.<JsonNode>of()) {
                        if (network.equals(candidate.path(api.networkParam()).asText()) || network.equals(candidate.path("network").asText())) {
                            address = candidate;
                        }
                    }
                    if (address == null || address.path("address").asText("").isEmpty()) {
                        // another network's address would lose what is sent to it
                        throw new VenueRejection("no-deposit-address", "the venue has no " + asset + " deposit address on " + network);
                    }
                    String memo = address.hasNonNull("tag") ? address.path("tag").asText() : address.path("memo").asText("");
                    return new DepositAddress(asset, network, address.path("address").asText(), memo.isEmpty() ? null : memo);
                });
    }

    @Override
    public CompletionStage<List<Deposit>> deposits(String asset, Instant since) {
        return whole(since, api.historyReach(), (from, to) -> http.signed("GET", api.prefix() + "/deposit/hisrec", window(asset, from, to),
                VenueRequest.walletRead(account, 1)).thenApply(list -> {
                    List<Deposit> deposits = new ArrayList<>();
                    for (JsonNode d : list) {
                        String memo = d.hasNonNull("addressTag") ? d.path("addressTag").asText() : d.path("memo").asText("");
                        deposits.add(new Deposit(d.path("id").asText(d.path("txId").asText()), d.path("coin").asText(), d.path("network").asText(),
                                decimalOrZero(d, "amount"), d.path("address").asText(), memo.isEmpty() ? null : memo, d.path("txId").asText(null),
                                api.depositStatus().apply(d.path("status").asInt()), Instant.ofEpochMilli(d.path("insertTime").asLong())));
                    }
                    return deposits;
                }), Deposit::id);
    }

    @Override
    public CompletionStage<String> withdraw(String clientId, String asset, String network, BigDecimal amount, String address, String memo) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("coin", asset);
        params.put("withdrawOrderId", clientId);
        params.put(api.networkParam(), network);
        params.put("address", address);
        if (memo != null) {
            params.put(api.memoParam(), memo);
        }
        params.put("amount", amount.toPlainString());
        return http.signed("POST", api.prefix() + api.withdrawPath(), params, VenueRequest.transfer(account, 1))
                .thenApply(json -> (json.isArray() ? json.path(0) : json).path("id").asText());
    }

    @Override
    public CompletionStage<List<Withdrawal>> withdrawals(String asset, Instant since) {
        return whole(since, api.historyReach(), (from, to) -> withdrawals(window(asset, from, to)), Withdrawal::id);
    }

    /** Binance asks by {@code withdrawOrderId} (7 days at most then); MEXC's history is read and the id looked for in it. */
    @Override
    public CompletionStage<Optional<Withdrawal>> withdrawal(String clientId, String asset, Instant since) {
        Duration reach = api.historyReach().compareTo(BY_CLIENT_ID_REACH) < 0 ? api.historyReach() : BY_CLIENT_ID_REACH;
        return whole(since, reach, (from, to) -> {
            Map<String, String> query = window(asset, from, to);
            query.put("withdrawOrderId", clientId);
            return withdrawals(query);
        }, Withdrawal::id).thenApply(all -> VenueWallet.askedUnder(clientId, all));
    }

    private CompletionStage<List<Withdrawal>> withdrawals(Map<String, String> query) {
        return http.signed("GET", api.prefix() + "/withdraw/history", query, VenueRequest.walletRead(account, 1)).thenApply(list -> {
            List<Withdrawal> withdrawals = new ArrayList<>();
            for (JsonNode w : list) {
                String memo = w.hasNonNull("addressTag") ? w.path("addressTag").asText() : w.path("memo").asText("");
                withdrawals.add(new Withdrawal(w.path("id").asText(), w.path("withdrawOrderId").asText(null), w.path("coin").asText(),
                        w.path("network").asText(), decimalOrZero(w, "amount"), decimalOrZero(w, "transactionFee"), w.path("address").asText(),
                        memo.isEmpty() ? null : memo, w.path("txId").asText(null), api.withdrawalStatus().apply(w.path("status").asInt()),
                        time(w.path("applyTime"))));
            }
            return withdrawals;
        });
    }

    /** The records since {@code since}, no further back than one answer may reach, the whole of them however many pages they fill. */
    private <T> CompletionStage<List<T>> whole(Instant since, Duration reach, WalletHistory.Span<T> span, Function<T, String> id) {
        return WalletHistory.since(since, clock, reach, PAGE, Duration.ofMillis(1), span, id);
    }

    private static Map<String, String> window(String asset, Instant from, Instant to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("coin", asset);
        params.put("startTime", String.valueOf(from.toEpochMilli()));
        params.put("endTime", String.valueOf(to.toEpochMilli()));
        params.put("limit", String.valueOf(PAGE));
        return params;
    }

    /** Binance writes a withdrawal's time as {@code 2019-10-12 11:12:02} in UTC; MEXC in milliseconds. */
    private static Instant time(JsonNode value) {
        if (value.isNumber() || value.asText().matches("\\d+")) {
            return Instant.ofEpochMilli(value.asLong());
        }
        return LocalDateTime.parse(value.asText(), BINANCE_TIME).toInstant(ZoneOffset.UTC);
    }
}
