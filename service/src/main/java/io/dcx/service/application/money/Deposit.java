package io.dcx.service.application.money;

import io.dcx.service.domain.money.Money;
import java.time.Instant;

/** Money that came in through a rail and was credited to the account. */
public record Deposit(String id, String accountId, Money amount, String rail, String railReference, Instant at) {
}
