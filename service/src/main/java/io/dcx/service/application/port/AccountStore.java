package io.dcx.service.application.port;

import io.dcx.service.application.kyc.Account;
import java.time.Instant;
import java.util.Optional;

/** The exchange's customer accounts, one per identity-provider user, keyed by the pseudonymous account id. */
public interface AccountStore {
    /** Creates the account in state NONE unless it exists; safe against two first calls racing. */
    void createIfMissing(String accountId, String subjectHash, Instant now);

    Optional<Account> find(String accountId);

    /** Reads the account and locks it until the transaction ends (serialises submissions and decisions). */
    Optional<Account> findForUpdate(String accountId);

    void update(Account account);
}
