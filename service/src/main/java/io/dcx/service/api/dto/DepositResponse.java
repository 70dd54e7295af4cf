package io.dcx.service.api.dto;

import io.dcx.service.application.money.Deposit;
import java.time.Instant;

/** A completed deposit and the balances after it. */
public record DepositResponse(String id, String accountId, long amountFen, String currency, String rail,
        String railReference, String status, Instant at, BalancesResponse balances) {

    public static DepositResponse of(Deposit d, BalancesResponse balances) {
        return new DepositResponse(d.id(), d.accountId(), d.amount().fen(), d.amount().currency(), d.rail(),
                d.railReference(), "COMPLETED", d.at(), balances);
    }
}
