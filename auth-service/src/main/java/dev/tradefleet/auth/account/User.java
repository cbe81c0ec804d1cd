package dev.tradefleet.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record User(UUID id, String email, String name, String passwordHash, List<String> roles, Instant createdAt) {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";
}
