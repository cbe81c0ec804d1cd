package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.matching.SymbolSpec;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.wallet.PaperWallet;
import dev.tradefleet.paper.venue.Venue;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binance's wallet (SAPI {@code capital}) over the {@link PaperWallet}: coins with one network each (fee and minimum
 * from configuration), a deposit address per coin, deposit and withdrawal histories (90 days back, times as Binance
 * writes them), withdrawals under a {@code withdrawOrderId}; and the parts of the derivatives APIs standard clients
 * call while loading markets, answered as for a spot-only account (ccxt's {@code binance} class asks for all of
 * these before it places its first order).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {

    @Inject
    Venue venue;
    @Inject
    SignedRequests signed;
    @Inject
    PaperWallet wallet;

    private static final DateTimeFormatter BINANCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Duration HISTORY_REACH = Duration.ofDays(90);

    /** Every coin of every symbol, with the caller's balance, as {@code GET /sapi/v1/capital/config/getall}. */
    @GET
    @Path("sapi/v1/capital/config/getall")
    public List<Map<String, Object>> coins(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        Map<String, long[]> balances = venue.balances(s.account());
        TreeSet<String> coins = new TreeSet<>();
        for (SymbolSpec spec : venue.symbols()) {
            coins.add(spec.baseAsset());
            coins.add(spec.quoteAsset());
        }
        List<Map<String, Object>> json = new ArrayList<>();
        for (String coin : coins) {
            long[] balance = balances.getOrDefault(coin, new long[2]);
            String fee = wallet.fee(coin);
            String min = wallet.minimum(coin);
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("network", coin);
            network.put("coin", coin);
            network.put("name", coin + " (paper)");
            network.put("isDefault", true);
            network.put("depositEnable", true);
            network.put("withdrawEnable", true);
            network.put("withdrawFee", fee);
            network.put("withdrawMin", min);
            network.put("withdrawMax", "9999999999");
            network.put("withdrawIntegerMultiple", "0.00000001");
            network.put("minConfirm", 1);
            network.put("unLockConfirm", 1);
            network.put("depositDesc", "");
            network.put("withdrawDesc", "");
            network.put("specialTips", "");
            network.put("addressRegex", "");
            network.put("memoRegex", "");
            network.put("sameAddress", false);
            network.put("busy", false);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("coin", coin);
            entry.put("name", coin);
            entry.put("depositAllEnable", true);
            entry.put("withdrawAllEnable", true);
            entry.put("free", Units.format(balance[0]));
            entry.put("locked", Units.format(balance[1]));
            entry.put("freeze", "0");
            entry.put("withdrawing", "0");
            entry.put("ipoing", "0");
            entry.put("ipoable", "0");
            entry.put("storage", "0");
            entry.put("isLegalMoney", false);
            entry.put("trading", true);
            entry.put("networkList", List.of(network));
            json.add(entry);
        }
        return json;
    }

    /** The caller's address for {@code coin} on its one network. */
    @GET
    @Path("sapi/v1/capital/deposit/address")
    public Map<String, Object> depositAddress(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        String coin = s.params().required("coin");
        if (!coin.equals(network(s.params(), coin))) {
            throw BinanceException.badRequest(-1102, "Network " + network(s.params(), coin) + " is not open for " + coin + "; its network is "
                    + coin + ".");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", wallet.address(s.account(), coin));
        json.put("coin", coin);
        json.put("tag", "");
        json.put("url", "");
        return json;
    }

    /** Statuses as Binance numbers them: 0 pending, 1 success. */
    @GET
    @Path("sapi/v1/capital/deposit/hisrec")
    public List<Map<String, Object>> deposits(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        Instant[] window = window(s.params(), HISTORY_REACH);
        List<Map<String, Object>> json = new ArrayList<>();
        for (PaperWallet.Deposit d : limited(wallet.deposits(s.account(), s.params().optional("coin"), window[0], window[1]), s.params())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", d.id());
            entry.put("amount", Units.format(d.units()));
            entry.put("coin", d.coin());
            entry.put("network", d.coin());
            entry.put("status", d.status() == PaperWallet.Status.COMPLETED ? 1 : 0);
            entry.put("address", d.address());
            entry.put("addressTag", "");
            entry.put("txId", d.txId());
            entry.put("insertTime", d.time().toEpochMilli());
            entry.put("transferType", 0);
            entry.put("confirmTimes", d.status() == PaperWallet.Status.COMPLETED ? "1/1" : "0/1");
            entry.put("unlockConfirm", 0);
            entry.put("walletType", 0);
            json.add(entry);
        }
        return json;
    }

    @POST
    @Path("sapi/v1/capital/withdraw/apply")
    public Map<String, Object> withdraw(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verify(request, body);
        Params p = s.params();
        String coin = p.required("coin");
        long amount = p.units("amount");
        if (p.optional("amount") == null) {
            throw BinanceException.mandatory("amount");
        }
        PaperWallet.Withdrawal withdrawal = wallet.withdraw(s.account(), p.optional("withdrawOrderId"), coin, network(p, coin), amount,
                p.required("address"), p.optional("addressTag"));
        return Map.of("id", withdrawal.id());
    }

    /** Statuses as Binance numbers them: 4 processing, 6 completed. */
    @GET
    @Path("sapi/v1/capital/withdraw/history")
    public List<Map<String, Object>> withdrawals(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verify(request, null);
        Instant[] window = window(s.params(), HISTORY_REACH);
        List<Map<String, Object>> json = new ArrayList<>();
        for (PaperWallet.Withdrawal w : limited(wallet.withdrawals(s.account(), s.params().optional("coin"), s.params().optional("withdrawOrderId"),
                window[0], window[1]), s.params())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", w.id());
            entry.put("amount", Units.format(w.units()));
            entry.put("transactionFee", Units.format(w.feeUnits()));
            entry.put("coin", w.coin());
            entry.put("status", w.status() == PaperWallet.Status.COMPLETED ? 6 : 4);
            entry.put("address", w.address());
            if (w.memo() != null) {
                entry.put("addressTag", w.memo());
            }
            entry.put("txId", w.txId() == null ? "" : w.txId());
            entry.put("applyTime", BINANCE_TIME.format(w.time()));
            entry.put("network", w.coin());
            entry.put("transferType", 0);
            if (w.clientId() != null) {
                entry.put("withdrawOrderId", w.clientId());
            }
            entry.put("info", "");
            entry.put("confirmNo", w.status() == PaperWallet.Status.COMPLETED ? 1 : 0);
            entry.put("walletType", 0);
            entry.put("txKey", "");
            json.add(entry);
        }
        return json;
    }

    /** The paper exchange moves each coin on one network, named after it; a request naming no network means that one. */
    public static String network(Params params, String coin) {
        String network = params.optional("network");
        return network == null ? coin : network;
    }

    /**
     * {@code startTime} and {@code endTime}, by default the last {@code reach}, which is as far as one answer goes
     * (Binance 90 days, MEXC 7): a wider window is refused with Binance's -4047.
     */
    public static Instant[] window(Params params, Duration reach) {
        Instant now = Instant.now();
        Long start = Params.epochMillis("startTime", params.optional("startTime"));
        Long end = Params.epochMillis("endTime", params.optional("endTime"));
        Instant to = end == null ? now : Instant.ofEpochMilli(end);
        Instant from = start == null ? to.minus(reach) : Instant.ofEpochMilli(start);
        if (from.isAfter(to) || Duration.between(from, to).compareTo(reach) > 0) {
            throw BinanceException.badRequest(-4047, "Time interval must be within 0-" + reach.toDays() + " days");
        }
        return new Instant[] {from, to};
    }

    public static <T> List<T> limited(List<T> records, Params params) {
        int limit = params.limit(1000, 1000);
        return records.size() <= limit ? records : records.subList(0, limit);
    }

    /** A spot-only venue has no cross-margin pairs. */
    @GET
    @Path("sapi/v1/margin/allPairs")
    public List<Object> crossMarginPairs(@Context HttpServerRequest request) {
        signed.verify(request, null);
        return List.of();
    }

    /** Nor isolated-margin pairs. */
    @GET
    @Path("sapi/v1/margin/isolated/allPairs")
    public List<Object> isolatedMarginPairs(@Context HttpServerRequest request) {
        signed.verify(request, null);
        return List.of();
    }

    /** USDⓈ-M futures: none here. */
    @GET
    @Path("fapi/v1/exchangeInfo")
    @PermitAll
    public Map<String, Object> linearFutures() {
        return noMarkets();
    }

    /** COIN-M futures: none here. */
    @GET
    @Path("dapi/v1/exchangeInfo")
    @PermitAll
    public Map<String, Object> inverseFutures() {
        return noMarkets();
    }

    private static Map<String, Object> noMarkets() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timezone", "UTC");
        json.put("serverTime", System.currentTimeMillis());
        json.put("rateLimits", List.of());
        json.put("exchangeFilters", List.of());
        json.put("assets", List.of());
        json.put("symbols", List.of());
        return json;
    }
}
