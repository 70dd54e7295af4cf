package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.application.money.Withdrawal;
import java.time.Instant;

/**
 * A withdrawal: {@code status} PENDING_CONFIRMATION (held, waiting for an operator), COMPLETED, REFUSED or
 * FAILED. {@code balances} are the owner's after the request (absent in operators' answers).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WithdrawalResponse(String id, String accountId, long amountFen, String currency, String rail,
        String status, String railReference, Instant requestedAt, Instant decidedAt, String decidedBy, String reason,
        BalancesResponse balances) {

    public static WithdrawalResponse of(Withdrawal w, BalancesResponse balances, boolean staff) {
        return new WithdrawalResponse(w.id(), w.accountId(), w.amount().fen(), w.amount().currency(), w.rail(),
                w.status().name(), w.railReference(), w.requestedAt(), w.decidedAt(),
                staff ? w.decidedBy() : null, w.reason(), balances);
    }
}
