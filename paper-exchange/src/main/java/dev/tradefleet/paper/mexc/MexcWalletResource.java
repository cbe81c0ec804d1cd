package dev.tradefleet.paper.mexc;

import dev.tradefleet.paper.binance.BinanceException;
import dev.tradefleet.paper.binance.Params;
import dev.tradefleet.paper.binance.SignedRequests;
import dev.tradefleet.paper.binance.WalletResource;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.venue.Venue;
import dev.tradefleet.paper.wallet.PaperWallet;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * MEXC's wallet ({@code /api/v3/capital}) over the same {@link PaperWallet} as the Binance face, for the MEXC face's
 * accounts: networks named {@code netWork} (and the older {@code network}), addresses answered as a list, statuses
 * by MEXC's numbers (deposits 4 pending, 5 success; withdrawals 4 processing, 7 success), times in milliseconds,
 * histories 7 days at most per answer, a withdrawal's parameters in the query. Every endpoint is SIGNED, as its
 * trading endpoints are: the caller is the account whose key signed the request, and no one else's records are read.
 */
@Path(MexcApi.PREFIX + "/api/v3/capital")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
public class MexcWalletResource {

    private static final Duration HISTORY_REACH = Duration.ofDays(7);

    @Inject
    Venue venue;
    @Inject
    SignedRequests signed;
    @Inject
    PaperWallet wallet;

    @GET
    @Path("/config/getall")
    public List<Map<String, Object>> coins(@Context HttpServerRequest request) {
        signed.verifyMexc(request, null);
        TreeSet<String> coins = new TreeSet<>();
        venue.symbols().forEach(spec -> {
            coins.add(spec.baseAsset());
            coins.add(spec.quoteAsset());
        });
        List<Map<String, Object>> json = new ArrayList<>();
        for (String coin : coins) {
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("coin", coin);
            network.put("depositDesc", null);
            network.put("depositEnable", true);
            network.put("minConfirm", 1);
            network.put("name", coin);
            network.put("network", coin);
            network.put("withdrawEnable", true);
            network.put("withdrawFee", wallet.fee(coin));
            network.put("withdrawIntegerMultiple", null);
            network.put("withdrawMax", "9999999999");
            network.put("withdrawMin", wallet.minimum(coin));
            network.put("sameAddress", false);
            network.put("contract", "");
            network.put("withdrawTips", null);
            network.put("depositTips", null);
            network.put("netWork", coin);
            json.add(Map.of("coin", coin, "name", coin, "networkList", List.of(network)));
        }
        return json;
    }

    @GET
    @Path("/deposit/address")
    public List<Map<String, Object>> depositAddress(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verifyMexc(request, null);
        String coin = s.params().required("coin");
        String network = WalletResource.network(s.params(), coin);
        if (!coin.equals(network)) {
            return List.of();
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("coin", coin);
        address.put("network", coin);
        address.put("address", wallet.address(s.account(), coin));
        address.put("memo", null);
        return List.of(address);
    }

    @GET
    @Path("/deposit/hisrec")
    public List<Map<String, Object>> deposits(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verifyMexc(request, null);
        Instant[] window = WalletResource.window(s.params(), HISTORY_REACH);
        List<Map<String, Object>> json = new ArrayList<>();
        for (PaperWallet.Deposit d : WalletResource.limited(wallet.deposits(s.account(), s.params().optional("coin"), window[0], window[1]),
                s.params())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("amount", Units.format(d.units()));
            entry.put("coin", d.coin());
            entry.put("network", d.coin());
            entry.put("status", d.status() == PaperWallet.Status.COMPLETED ? 5 : 4);
            entry.put("address", d.address());
            entry.put("txId", d.txId());
            entry.put("insertTime", d.time().toEpochMilli());
            entry.put("unlockConfirm", "1");
            entry.put("confirmTimes", d.status() == PaperWallet.Status.COMPLETED ? "1" : "0");
            entry.put("memo", null);
            json.add(entry);
        }
        return json;
    }

    /** MEXC takes a POST's parameters in the query (or a body): {@code coin}, {@code netWork}, {@code address}, {@code amount}, … */
    @POST
    @Path("/withdraw")
    public Map<String, Object> withdraw(@Context HttpServerRequest request, String body) {
        SignedRequests.Signed s = signed.verifyMexc(request, body);
        Params p = s.params();
        String coin = p.required("coin");
        if (p.optional("amount") == null) {
            throw BinanceException.mandatory("amount");
        }
        String network = p.optional("netWork") != null ? p.optional("netWork") : WalletResource.network(p, coin);
        PaperWallet.Withdrawal withdrawal = wallet.withdraw(s.account(), p.optional("withdrawOrderId"), coin, network, p.units("amount"),
                p.required("address"), p.optional("memo"));
        return Map.of("id", withdrawal.id());
    }

    @GET
    @Path("/withdraw/history")
    public List<Map<String, Object>> withdrawals(@Context HttpServerRequest request) {
        SignedRequests.Signed s = signed.verifyMexc(request, null);
        Instant[] window = WalletResource.window(s.params(), HISTORY_REACH);
        List<Map<String, Object>> json = new ArrayList<>();
        for (PaperWallet.Withdrawal w : WalletResource.limited(wallet.withdrawals(s.account(), s.params().optional("coin"), null, window[0],
                window[1]), s.params())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", w.id());
            entry.put("txId", w.txId());
            entry.put("coin", w.coin());
            entry.put("network", w.coin());
            entry.put("address", w.address());
            entry.put("amount", Units.format(w.units()));
            entry.put("transferType", 0);
            entry.put("status", w.status() == PaperWallet.Status.COMPLETED ? 7 : 4);
            entry.put("transactionFee", Units.format(w.feeUnits()));
            entry.put("confirmNo", null);
            entry.put("applyTime", w.time().toEpochMilli());
            entry.put("remark", "");
            entry.put("memo", w.memo());
            entry.put("withdrawOrderId", w.clientId());
            json.add(entry);
        }
        return json;
    }
}
