package io.dcx.service.application.money;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.kyc.Ids;
import io.dcx.service.application.kyc.Reasons;
import io.dcx.service.application.kyc.TradingLimits;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.CashMovementStore;
import io.dcx.service.application.port.JournalStore;
import io.dcx.service.application.port.PaymentRail;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.BookAccount;
import io.dcx.service.domain.money.Money;
import io.dcx.service.domain.money.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Deposits and withdrawals through the configured payment rail, for approved accounts only (KYC_REQUIRED,
 * ACCOUNT_SUSPENDED: 403).
 *
 * <p>A deposit on the internal rail is a simulated bank transfer that the rail confirms at once, so the account is
 * credited in the same transaction. A withdrawal first holds the amount (INSUFFICIENT_FUNDS if available is
 * short; concurrent withdrawals are serialised on the account's balance row, so they never overdraw); up to
 * {@code dcx.money.withdrawal-confirmation-threshold-fen} it is paid out at once, above it waits for an operator.
 */
@ApplicationScoped
public class Funds {
    private final TradingLimits kyc;
    private final Holds holds;
    private final JournalStore journal;
    private final CashMovementStore movements;
    private final Instance<PaymentRail> rails;
    private final AuditLog audit;
    private final MoneyConfig config;

    public Funds(TradingLimits kyc, Holds holds, JournalStore journal, CashMovementStore movements,
            Instance<PaymentRail> rails, AuditLog audit, MoneyConfig config) {
        this.kyc = kyc;
        this.holds = holds;
        this.journal = journal;
        this.movements = movements;
        this.rails = rails;
        this.audit = audit;
        this.config = config;
    }

    /** Checks an amount a customer asked for: positive whole fen up to dcx.money.max-amount-fen. */
    public Money amount(long fen) {
        if (fen <= 0 || fen > config.maxAmountFen()) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT,
                    "amountFen: a whole number of fen from 1 to " + config.maxAmountFen(),
                    Map.of("maxAmountFen", config.maxAmountFen()));
        }
        return Money.fen(fen);
    }

    @Transactional
    public Deposit deposit(Actor actor, Money amount) {
        kyc.requireApproved(actor.accountId());
        PaymentRail rail = rail();
        String id = Ids.next("dep");
        PaymentRail.Transfer transfer = rail.collect(actor.accountId(), amount, id);
        if (!transfer.completed()) {
            throw new DcxException(ErrorCode.PAYMENT_RAIL_FAILED, "the " + rail.name() + " rail refused the deposit: "
                    + transfer.failure());
        }
        journal.post(Posting.transfer("DEPOSIT", id, BookAccount.railClearing(rail.name()),
                BookAccount.available(actor.accountId()), amount));
        Deposit deposit = new Deposit(id, actor.accountId(), amount, rail.name(), transfer.railReference(),
                Instant.now());
        movements.insert(deposit);
        return deposit;
    }

    @Transactional
    public Withdrawal withdraw(Actor actor, Money amount) {
        kyc.requireApproved(actor.accountId());
        PaymentRail rail = rail();
        String id = Ids.next("wd");
        holds.place(actor.accountId(), id, amount);
        Instant now = Instant.now();
        Withdrawal withdrawal = new Withdrawal(id, actor.accountId(), amount, rail.name(),
                Withdrawal.Status.PENDING_CONFIRMATION, null, now, null, null, null);
        movements.insert(withdrawal);
        if (amount.fen() > config.withdrawalConfirmationThresholdFen()) {
            return withdrawal;
        }
        return payOut(withdrawal, rail, Actor.SYSTEM, null);
    }

    /** An operator pays out a withdrawal that waited for confirmation, or refuses it (a reason is required). */
    @Transactional
    public Withdrawal confirm(Actor operator, String withdrawalId, Boolean approve, String rawReason) {
        if (approve == null) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "approve: true or false is required");
        }
        String reason = approve ? Reasons.optional("reason", rawReason) : Reasons.required("reason", rawReason);
        Withdrawal withdrawal = movements.findWithdrawalForUpdate(withdrawalId)
                .orElseThrow(() -> new DcxException(ErrorCode.WITHDRAWAL_NOT_FOUND, "no withdrawal " + withdrawalId));
        if (withdrawal.status() != Withdrawal.Status.PENDING_CONFIRMATION) {
            throw new DcxException(ErrorCode.WITHDRAWAL_NOT_PENDING,
                    "withdrawal " + withdrawalId + " is " + withdrawal.status(),
                    Map.of("status", withdrawal.status().name()));
        }
        Withdrawal decided;
        if (approve) {
            decided = payOut(withdrawal, rail(), operator.accountId(), reason);
        } else {
            holds.release(withdrawal.id());
            decided = withdrawal.with(Withdrawal.Status.REFUSED, null, Instant.now(), operator.accountId(), reason);
            movements.update(decided);
        }
        audit.record(new AuditLog.Event(decided.decidedAt(), operator.accountId(),
                approve ? "WITHDRAWAL_CONFIRMED" : "WITHDRAWAL_REFUSED", "withdrawal", withdrawal.id(),
                AuditJson.of("status", withdrawal.status(), "accountId", withdrawal.accountId(), "amountFen",
                        withdrawal.amount().fen()),
                AuditJson.of("status", decided.status(), "reason", reason, "railReference", decided.railReference()),
                operator.requestId()));
        return decided;
    }

    public List<Withdrawal> withdrawalsIn(String status, Integer limit) {
        Withdrawal.Status state;
        try {
            state = status == null || status.isBlank() ? Withdrawal.Status.PENDING_CONFIRMATION
                    : Withdrawal.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "status: one of " + List.of(Withdrawal.Status.values()));
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 500) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "limit: 1 to 500");
        }
        return movements.withdrawalsIn(state, size);
    }

    /**
     * Pays the held amount out through the rail and captures the hold into the rail's clearing account; a rail
     * failure releases the hold instead.
     */
    private Withdrawal payOut(Withdrawal withdrawal, PaymentRail rail, String decidedBy, String reason) {
        PaymentRail.Transfer transfer = rail.payOut(withdrawal.accountId(), withdrawal.amount(), withdrawal.id());
        Instant now = Instant.now();
        Withdrawal done;
        if (transfer.completed()) {
            holds.capture(withdrawal.id(), Map.of(BookAccount.railClearing(rail.name()), withdrawal.amount()));
            done = withdrawal.with(Withdrawal.Status.COMPLETED, transfer.railReference(), now, decidedBy, reason);
        } else {
            holds.release(withdrawal.id());
            done = withdrawal.with(Withdrawal.Status.FAILED, transfer.railReference(), now, decidedBy,
                    transfer.failure());
        }
        movements.update(done);
        return done;
    }

    private PaymentRail rail() {
        for (PaymentRail rail : rails) {
            if (rail.name().equals(config.rail())) {
                return rail;
            }
        }
        throw new IllegalStateException("no payment rail named " + config.rail() + " (dcx.money.rail)");
    }
}
