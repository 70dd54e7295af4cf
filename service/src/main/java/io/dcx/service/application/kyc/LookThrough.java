package io.dcx.service.application.kyc;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.port.AccountStore;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.KycStore;
import io.dcx.service.application.port.SignalStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.kyc.AdultCheck;
import io.dcx.service.domain.kyc.KycStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * A regulator resolves a pseudonymous on-chain account to the verified party behind it. The reason is required,
 * and every resolution is an audit event (who, when, why, which account and submission) committed before the data
 * is answered. The event holds no personal data.
 */
@ApplicationScoped
public class LookThrough {
    private final AccountStore accounts;
    private final KycStore kycStore;
    private final SignalStore signals;
    private final AuditLog audit;
    private final AdultCheck adults = new AdultCheck(Clock.system(KycSubmissions.SHANGHAI));

    public LookThrough(AccountStore accounts, KycStore kycStore, SignalStore signals, AuditLog audit) {
        this.accounts = accounts;
        this.kycStore = kycStore;
        this.signals = signals;
        this.audit = audit;
    }

    public record Resolution(String accountId, KycStatus kycStatus, String tier, KycView kyc, long auditEventId,
            Instant resolvedAt) {
    }

    @Transactional
    public Resolution resolve(Actor regulator, String accountId, String rawReason) {
        if (accountId == null || !accountId.matches("acc_[0-9a-f]{24}")) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "accountId: an account id such as acc_<24 hex>");
        }
        String reason = Reasons.required("reason", rawReason);
        Account account = accounts.find(accountId)
                .orElseThrow(() -> new DcxException(ErrorCode.ACCOUNT_NOT_FOUND, "no account " + accountId));
        // The verified party is the approved submission; before any approval, the latest one says who applied.
        KycRecord record = kycStore.latestApprovedOf(accountId).or(() -> kycStore.latestOf(accountId))
                .orElseThrow(() -> new DcxException(ErrorCode.KYC_NOT_FOUND,
                        "account " + accountId + " has never submitted KYC"));
        Instant now = Instant.now();
        long eventId = audit.record(new AuditLog.Event(now, regulator.accountId(), "LOOK_THROUGH", "account",
                accountId, null, AuditJson.of("reason", reason, "kycId", record.id(), "kycStatus", record.status()),
                regulator.requestId()));
        return new Resolution(accountId, account.kycStatus(), account.tier(),
                KycViews.resolved(record, adults, signals.linksOf(accountId)), eventId, now);
    }
}
