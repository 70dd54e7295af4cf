package io.dcx.service.application.board;

import io.dcx.service.application.money.Funds;
import io.dcx.service.application.money.Withdrawal;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seller payouts as system withdrawals ({@link Funds#payOutSystem}), idempotent per reference, so a resumed saga
 * never pays a seller twice. System payouts are not held back for an operator: the trade already passed the
 * board's checks.
 */
@ApplicationScoped
public class FundsSellerPayouts implements SellerPayouts {
    private final Funds funds;

    public FundsSellerPayouts(Funds funds) {
        this.funds = funds;
    }

    @Override
    public String payOut(String accountId, Money amount, String rail, String reference) {
        Withdrawal w = funds.payOutSystem(accountId, amount, rail, reference);
        if (w.status() == Withdrawal.Status.FAILED || w.status() == Withdrawal.Status.REFUSED) {
            throw new DcxException(ErrorCode.PAYMENT_RAIL_FAILED, "the payout " + w.id() + " " + w.status() + ": "
                    + w.reason());
        }
        return w.id() + (w.railReference() == null ? " (" + w.status() + ")" : " " + w.railReference());
    }
}
