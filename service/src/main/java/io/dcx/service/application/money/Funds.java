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
        PaymentRail rail = rail(null);
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
        return withdraw(actor, amount, null, null);
    }

    /**
     * A withdrawal through the named rail ({@code null}: dcx.money.rail; INVALID_RAIL if unknown). With a
     * {@code requestKey} (the client's Idempotency-Key) the withdrawal id is derived from the account and the key,
     * so a retry after a crash that rolled the first attempt back pays out under the same reference, which a rail
     * with its own payout record (the token rail) never pays twice.
     */
    @Transactional
    public Withdrawal withdraw(Actor actor, Money amount, String railName, String requestKey) {
        kyc.requireApproved(actor.accountId());
        PaymentRail rail = rail(railName);
        String id = requestKey == null ? Ids.next("wd") : stableId("wd", actor.accountId() + "\n" + requestKey);
        var earlier = movements.findWithdrawalForUpdate(id);
        if (earlier.isPresent()) {
            return earlier.get();
        }
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
            decided = payOut(withdrawal, rail(withdrawal.rail()), operator.accountId(), reason);
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

    /**
     * The system pays an account's available money out through the named rail, e.g. a seller's proceeds after a
     * trade settled. Idempotent per {@code reference}: the withdrawal id is derived from it, and a second call
     * answers the first call's withdrawal (whatever its outcome) without moving anything; the same reference for
     * another account or amount is HOLD_CONFLICT. No KYC check and no operator threshold: the board checked the
     * parties before the trade. INSUFFICIENT_FUNDS if available is short; PAYMENT_RAIL_UNAVAILABLE (503) rolls back
     * everything, so the call can simply be repeated.
     */
    @Transactional
    public Withdrawal payOutSystem(String accountId, Money amount, String railName, String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 128) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "reference: 1 to 128 characters");
        }
        if (!amount.isPositive()) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT, "a payout is for a positive amount");
        }
        String id = stableId("wd", "system\n" + reference);
        var earlier = movements.findWithdrawalForUpdate(id);
        if (earlier.isPresent()) {
            Withdrawal first = earlier.get();
            if (!first.accountId().equals(accountId) || !first.amount().equals(amount)) {
                throw new DcxException(ErrorCode.HOLD_CONFLICT,
                        "reference " + reference + " already paid out a different amount or account");
            }
            return first;
        }
        PaymentRail rail = rail(railName);
        holds.place(accountId, id, amount);
        Withdrawal withdrawal = new Withdrawal(id, accountId, amount, rail.name(),
                Withdrawal.Status.PENDING_CONFIRMATION, null, Instant.now(), null, null, null);
        movements.insert(withdrawal);
        return payOut(withdrawal, rail, Actor.SYSTEM, "payout " + reference);
    }

    /**
     * Credits money a rail received on its own (the token rail's deposit watcher, once a transfer is confirmed):
     * rail clearing to the account's available balance, and a deposit record. The caller makes it exactly-once.
     */
    @Transactional
    public Deposit creditFromRail(String accountId, Money amount, String railName, String railReference) {
        String id = Ids.next("dep");
        journal.post(Posting.transfer("DEPOSIT", id, BookAccount.railClearing(railName),
                BookAccount.available(accountId), amount));
        Deposit deposit = new Deposit(id, accountId, amount, railName, railReference, Instant.now());
        movements.insert(deposit);
        return deposit;
    }

    /** The rail named so, or dcx.money.rail when {@code name} is null; INVALID_RAIL (400) if there is none. */
    public PaymentRail rail(String name) {
        String wanted = name == null ? config.rail() : name;
        List<String> known = new java.util.ArrayList<>();
        for (PaymentRail rail : rails) {
            if (rail.name().equals(wanted)) {
                return rail;
            }
            known.add(rail.name());
        }
        if (name == null) {
            throw new IllegalStateException("no payment rail named " + config.rail() + " (dcx.money.rail)");
        }
        throw new DcxException(ErrorCode.INVALID_RAIL, "rail: one of " + known, Map.of("rails", known));
    }

    private static String stableId(String prefix, String seed) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return prefix + "_" + java.util.HexFormat.of().formatHex(digest, 0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
