package io.dcx.service.infrastructure.money;

import io.dcx.service.application.money.Deposit;
import io.dcx.service.application.money.Withdrawal;
import io.dcx.service.application.port.CashMovementStore;
import io.dcx.service.domain.money.Money;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Deposits and withdrawals in PostgreSQL. */
@ApplicationScoped
public class PanacheCashMovementStore implements CashMovementStore {
    private final EntityManager em;

    public PanacheCashMovementStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Deposit d) {
        DepositEntity e = new DepositEntity();
        e.id = d.id();
        e.accountId = d.accountId();
        e.amountFen = d.amount().fen();
        e.currency = d.amount().currency();
        e.rail = d.rail();
        e.railReference = d.railReference();
        e.at = d.at();
        em.persist(e);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Withdrawal w) {
        WithdrawalEntity e = new WithdrawalEntity();
        e.id = w.id();
        copy(w, e);
        em.persist(e);
    }

    @Override
    public Optional<Withdrawal> findWithdrawal(String id) {
        return Optional.ofNullable(em.find(WithdrawalEntity.class, id)).map(PanacheCashMovementStore::toWithdrawal);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Withdrawal> findWithdrawalForUpdate(String id) {
        return Optional.ofNullable(em.find(WithdrawalEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(PanacheCashMovementStore::toWithdrawal);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Withdrawal w) {
        copy(w, em.find(WithdrawalEntity.class, w.id()));
    }

    @Override
    public List<Withdrawal> withdrawalsIn(Withdrawal.Status status, int limit) {
        return WithdrawalEntity.<WithdrawalEntity>find("status", Sort.ascending("requestedAt"), status.name())
                .page(0, limit).list().stream().map(PanacheCashMovementStore::toWithdrawal).toList();
    }

    private static void copy(Withdrawal w, WithdrawalEntity e) {
        e.accountId = w.accountId();
        e.amountFen = w.amount().fen();
        e.currency = w.amount().currency();
        e.rail = w.rail();
        e.status = w.status().name();
        e.railReference = w.railReference();
        e.requestedAt = w.requestedAt();
        e.decidedAt = w.decidedAt();
        e.decidedBy = w.decidedBy();
        e.reason = w.reason();
    }

    private static Withdrawal toWithdrawal(WithdrawalEntity e) {
        return new Withdrawal(e.id, e.accountId, new Money(e.amountFen, e.currency.strip()), e.rail,
                Withdrawal.Status.valueOf(e.status), e.railReference, e.requestedAt, e.decidedAt, e.decidedBy,
                e.reason);
    }
}
