package io.dcx.service.application.kyc;

import io.dcx.service.application.port.KycStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.kyc.AdultCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** What account holders read about their own KYC. */
@ApplicationScoped
public class KycQueries {
    private final Accounts accounts;
    private final KycStore kycStore;
    private final AdultCheck adults = new AdultCheck(Clock.system(KycSubmissions.SHANGHAI));

    public KycQueries(Accounts accounts, KycStore kycStore) {
        this.accounts = accounts;
        this.kycStore = kycStore;
    }

    /** The caller's status and reason, and their latest submission unmasked (null before the first). */
    public record Mine(Account account, KycView latest) {
    }

    @Transactional
    public Mine mine(String accountId, String subject) {
        Account account = accounts.ensure(accountId, subject);
        return new Mine(account, kycStore.latestOf(accountId).map(r -> KycViews.forOwner(r, adults)).orElse(null));
    }

    /** One of the caller's own submissions; someone else's answers 404 exactly like one that does not exist. */
    public KycView own(String accountId, String kycId) {
        return kycStore.find(kycId)
                .filter(r -> r.accountId().equals(accountId))
                .map(r -> KycViews.forOwner(r, adults))
                .orElseThrow(() -> new DcxException(ErrorCode.KYC_NOT_FOUND, "no KYC submission " + kycId));
    }
}
