package dev.tradefleet.credentials.keys;

import dev.tradefleet.web.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which venues and environments exist and what each venue's key needs. Pure. */
public final class ExchangeRules {

    public static final Set<String> EXCHANGES = Set.of("binance", "bitget", "gateio", "mexc");
    public static final Set<String> ENVIRONMENTS = Set.of("live", "testnet", "paper");
    /** Bitget signs with a passphrase as well; the others have none. */
    private static final Set<String> NEEDS_PASSPHRASE = Set.of("bitget");

    private ExchangeRules() {
    }

    public static List<Problem.FieldError> passphraseErrors(String exchange, String passphrase) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean given = passphrase != null && !passphrase.isEmpty();
        if (NEEDS_PASSPHRASE.contains(exchange) && !given) {
            errors.add(new Problem.FieldError("passphrase", "is required for " + exchange));
        }
        if (!NEEDS_PASSPHRASE.contains(exchange) && given) {
            errors.add(new Problem.FieldError("passphrase", "must be empty for " + exchange));
        }
        return errors;
    }
}
