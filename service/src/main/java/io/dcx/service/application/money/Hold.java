package io.dcx.service.application.money;

import io.dcx.service.domain.money.Money;
import java.time.Instant;

/** Money of one account set aside for a reference (a trade or a withdrawal) until released or captured. */
public record Hold(String reference, String accountId, Money amount, Status status, Instant placedAt,
        Instant closedAt) {

    public enum Status {
        HELD, RELEASED, CAPTURED
    }
}
