package io.dcx.service.application.money;

import java.time.Instant;

/** A token wallet a customer registered: transfers from it are credited to the account, payouts go to it. */
public record Wallet(String address, String accountId, Instant registeredAt) {
}
