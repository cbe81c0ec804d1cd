package dev.tradefleet.paper.binance;

import dev.tradefleet.paper.matching.SymbolSpec;
import dev.tradefleet.paper.matching.Units;
import dev.tradefleet.paper.venue.PaperConfig;
import dev.tradefleet.paper.venue.Venue;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The parts of Binance's wallet and derivatives APIs that standard clients call while loading markets, answered
 * as Binance answers a spot-only account: coins with one network each (deposits and withdrawals enabled, fee and
 * minimum from configuration), no margin pairs, no futures markets. ccxt's {@code binance} class, for one, asks
 * for all of these before it places its first order.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {

    @Inject
    Venue venue;
    @Inject
    SignedRequests signed;
    @Inject
    PaperConfig config;

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
            PaperConfig.Withdrawal withdrawal = config.withdrawal().get(coin);
            String fee = withdrawal == null ? "0" : withdrawal.fee();
            String min = withdrawal == null ? "0" : withdrawal.min();
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
