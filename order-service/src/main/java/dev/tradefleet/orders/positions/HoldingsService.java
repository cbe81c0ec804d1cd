package dev.tradefleet.orders.positions;

import dev.tradefleet.orders.placing.AccountChoice;
import dev.tradefleet.orders.placing.PlacingService;
import dev.tradefleet.orders.trader.Trader;
import dev.tradefleet.orders.venues.FleetReads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * What an account holds, each asset valued in USDT at its last price on the same venue (seed 004's open positions):
 * USDT at 1, an asset without a USDT market (or whose price cannot be read now) without a value.
 */
@ApplicationScoped
public class HoldingsService {

    static final String VALUED_IN = "USDT";

    public record Holding(String asset, BigDecimal free, BigDecimal locked, BigDecimal total, BigDecimal priceUsdt, BigDecimal valueUsdt) {
    }

    @Inject
    PlacingService placing;
    @Inject
    FleetReads reads;

    public Uni<List<Holding>> holdings(Trader trader, AccountChoice choice) {
        return placing.credential(trader, choice).flatMap(credential -> reads.balances(trader, credential.id()).flatMap(balances -> {
            List<Uni<Holding>> valued = balances.stream().filter(balance -> balance.total().signum() != 0)
                    .sorted(Comparator.comparing(FleetReads.Balance::asset))
                    .map(balance -> price(trader, credential, balance.asset()).map(price -> new Holding(balance.asset(), balance.free(),
                            balance.locked(), balance.total(), price, price == null ? null : balance.total().multiply(price))))
                    .toList();
            return valued.isEmpty() ? Uni.createFrom().item(List.<Holding>of()) : Uni.join().all(valued).usingConcurrencyOf(4).andFailFast();
        }));
    }

    private Uni<BigDecimal> price(Trader trader, FleetReads.Credential credential, String asset) {
        if (asset.equals(VALUED_IN)) {
            return Uni.createFrom().item(BigDecimal.ONE);
        }
        return reads.lastPrice(trader, credential.exchange(), credential.environment(), asset + VALUED_IN)
                .map(price -> price.orElse(null))
                .onFailure().recoverWithNull();
    }
}
