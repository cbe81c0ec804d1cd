package dev.tradefleet.orders.placing;

import dev.tradefleet.orders.venues.FleetReads;
import dev.tradefleet.web.ProblemException;

import java.util.List;

/** Which of a trader's credentials an order trades with: the one active credential on the exchange that the request narrows to. */
final class Credentials {

    static FleetReads.Credential choose(List<FleetReads.Credential> all, String exchange, String environment, String label) {
        List<FleetReads.Credential> candidates = all.stream()
                .filter(c -> c.active() && c.exchange().equals(exchange))
                .filter(c -> environment == null || c.environment().equals(environment))
                .filter(c -> label == null || c.label().equals(label))
                .toList();
        String which = exchange + (environment == null ? "" : " " + environment) + (label == null ? "" : " '" + label + "'");
        if (candidates.isEmpty()) {
            throw ProblemException.notFound("Credentials not found: you have no active " + which + " key. Add one under Exchange keys.");
        }
        if (candidates.size() > 1) {
            throw PlacingService.invalid("label", "You have " + candidates.size() + " active " + which
                    + " keys: say which with environment and label.");
        }
        FleetReads.Credential chosen = candidates.get(0);
        if ("invalid".equals(chosen.status())) {
            throw PlacingService.invalid("exchange", "The " + which + " key '" + chosen.label() + "' was refused by the exchange ("
                    + chosen.statusReason() + "): replace it before trading.");
        }
        return chosen;
    }

    private Credentials() {
    }
}
