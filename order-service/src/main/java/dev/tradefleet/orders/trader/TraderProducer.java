package dev.tradefleet.orders.trader;

import dev.tradefleet.web.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The {@link Trader} of a request, from its verified token: a token whose subject is no user (a service's) has none.
 * A trader is made for each bean that asks, so the resources that take one are request-scoped.
 */
@RequestScoped
public class TraderProducer {

    @Inject
    JsonWebToken token;

    @Produces
    Trader trader() {
        try {
            return new Trader(UUID.fromString(token.getSubject()), token.getRawToken());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only users have orders.");
        }
    }
}
