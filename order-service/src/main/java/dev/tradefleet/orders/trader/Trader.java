package dev.tradefleet.orders.trader;

import java.util.UUID;

/**
 * The signed-in user a request acts for, with the token it came with (which the services order-service reads from
 * are asked with, so that they too answer only for this user). Every read and write of orders takes one: there is no
 * way to reach an order without saying whose.
 */
public record Trader(UUID userId, String token) {

    @Override
    public String toString() {
        return "Trader[" + userId + ", token redacted]";
    }
}
