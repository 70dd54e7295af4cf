package io.dcx.service.infrastructure.money;

import io.dcx.service.application.port.PaymentRail;
import io.dcx.service.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The internal cash rail: a simulated bank transfer that completes at once, answering a reference derived from
 * the deposit or withdrawal id (so asking twice for the same transfer gives the same reference, as a bank's
 * end-to-end id would). Its cash is mirrored in {@code rail:internal:clearing}. Large withdrawals are held back for
 * an operator by the use case, not by the rail.
 */
@ApplicationScoped
public class InternalPaymentRail implements PaymentRail {
    public static final String NAME = "internal";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Transfer collect(String accountId, Money amount, String reference) {
        return new Transfer("int-in-" + reference, true, null);
    }

    @Override
    public Transfer payOut(String accountId, Money amount, String reference) {
        return new Transfer("int-out-" + reference, true, null);
    }
}
