package io.dcx.service.application.money;

import io.dcx.service.domain.money.Money;
import java.time.Instant;

/**
 * Money leaving through a rail. The amount is held from the request on; it is paid out at once
 * ({@code COMPLETED}) or, above the confirmation threshold, waits for an operator
 * ({@code PENDING_CONFIRMATION}) who pays it out or refuses it ({@code REFUSED}, the hold released). A rail
 * failure also releases the hold ({@code FAILED}).
 */
public record Withdrawal(String id, String accountId, Money amount, String rail, Status status, String railReference,
        Instant requestedAt, Instant decidedAt, String decidedBy, String reason) {

    public enum Status {
        PENDING_CONFIRMATION, COMPLETED, REFUSED, FAILED
    }

    public Withdrawal with(Status newStatus, String newRailReference, Instant at, String by, String why) {
        return new Withdrawal(id, accountId, amount, rail, newStatus, newRailReference, requestedAt, at, by, why);
    }
}
