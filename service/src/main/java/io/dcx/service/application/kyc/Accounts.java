package io.dcx.service.application.kyc;

import io.dcx.service.application.port.AccountStore;
import io.dcx.service.application.port.SignalHasher;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * One account per identity-provider user, created on the user's first call. The row keeps a keyed hash of the
 * subject (never the subject itself) next to the pseudonymous account id used on chain.
 */
@ApplicationScoped
public class Accounts {
    private final AccountStore store;
    private final SignalHasher hasher;

    public Accounts(AccountStore store, SignalHasher hasher) {
        this.store = store;
        this.hasher = hasher;
    }

    /** The caller's account, created in state NONE if this is their first call. */
    @Transactional
    public Account ensure(String accountId, String subject) {
        store.createIfMissing(accountId, hasher.hash("subject", subject), Instant.now());
        return store.find(accountId).orElseThrow();
    }

    /** Like {@link #ensure} but locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account ensureLocked(String accountId, String subject) {
        store.createIfMissing(accountId, hasher.hash("subject", subject), Instant.now());
        return store.findForUpdate(accountId).orElseThrow();
    }

    public Optional<Account> find(String accountId) {
        return store.find(accountId);
    }

    public Account existing(String accountId) {
        return store.find(accountId)
                .orElseThrow(() -> new DcxException(ErrorCode.ACCOUNT_NOT_FOUND, "no account " + accountId));
    }
}
