package io.dcx.service.infrastructure.kyc;

import io.dcx.service.application.kyc.Account;
import io.dcx.service.application.port.AccountStore;
import io.dcx.service.domain.kyc.AccountType;
import io.dcx.service.domain.kyc.KycStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Accounts in PostgreSQL. */
@ApplicationScoped
public class PanacheAccountStore implements AccountStore, PanacheRepositoryBase<AccountEntity, String> {

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void createIfMissing(String accountId, String subjectHash, Instant now) {
        getEntityManager().createNativeQuery("INSERT INTO account (id, subject_hash, kyc_status, created_at, updated_at)"
                        + " VALUES (?1, ?2, 'NONE', ?3, ?3) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, accountId)
                .setParameter(2, subjectHash)
                .setParameter(3, now)
                .executeUpdate();
    }

    @Override
    public Optional<Account> find(String accountId) {
        return findByIdOptional(accountId).map(PanacheAccountStore::toAccount);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Account> findForUpdate(String accountId) {
        return findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE).map(PanacheAccountStore::toAccount);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Account account) {
        AccountEntity row = findById(account.id());
        row.type = account.type() == null ? null : account.type().name();
        row.kycStatus = account.kycStatus().name();
        row.tier = account.tier();
        row.statusReason = account.statusReason();
        row.updatedAt = account.updatedAt();
    }

    private static Account toAccount(AccountEntity e) {
        return new Account(e.id, e.type == null ? null : AccountType.valueOf(e.type), KycStatus.valueOf(e.kycStatus),
                e.tier, e.statusReason, e.createdAt, e.updatedAt);
    }
}
