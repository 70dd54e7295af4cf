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
import io.dcx.service.domain.kyc.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operators' side of KYC: the review queue, opening a submission (SUBMITTED becomes IN_REVIEW, with the
 * reviewer recorded), approving or rejecting it, and suspending an approved account. Every change is an audit
 * event written in the same transaction.
 */
@ApplicationScoped
public class KycReviews {
    public static final int MAX_PAGE = 500;

    private final KycStore kycStore;
    private final AccountStore accountStore;
    private final SignalStore signals;
    private final Tiers tiers;
    private final AuditLog audit;
    private final AdultCheck adults = new AdultCheck(Clock.system(KycSubmissions.SHANGHAI));

    public KycReviews(KycStore kycStore, AccountStore accountStore, SignalStore signals, Tiers tiers, AuditLog audit) {
        this.kycStore = kycStore;
        this.accountStore = accountStore;
        this.signals = signals;
        this.tiers = tiers;
        this.audit = audit;
    }

    /** An operator's decision as sent. */
    public record Decision(String decision, String reason, String tier, String watchListOverride) {
    }

    /** Submissions in a state (default: SUBMITTED and IN_REVIEW), oldest first, masked. */
    @Transactional
    public List<KycView> queue(String status, Integer limit) {
        Set<KycStatus> states = status == null || status.isBlank()
                ? EnumSet.of(KycStatus.SUBMITTED, KycStatus.IN_REVIEW)
                : EnumSet.of(KycStatus.parse(status));
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "limit: 1 to " + MAX_PAGE);
        }
        return kycStore.inStates(states, size).stream()
                .map(r -> KycViews.forStaff(r, adults, signals.linksOf(r.accountId())))
                .toList();
    }

    /**
     * A submission as staff see it. An operator opening a SUBMITTED one takes it into review; a regulator only
     * reads.
     */
    @Transactional
    public KycView open(Actor actor, String kycId, boolean takeIntoReview) {
        KycRecord record = (takeIntoReview ? kycStore.findForUpdate(kycId) : kycStore.find(kycId))
                .orElseThrow(() -> notFound(kycId));
        if (takeIntoReview && record.status() == KycStatus.SUBMITTED) {
            Instant now = Instant.now();
            record = record.opened(actor.accountId(), now);
            kycStore.updateReview(record);
            accountStore.findForUpdate(record.accountId()).ifPresent(account -> {
                if (account.kycStatus() == KycStatus.SUBMITTED) {
                    accountStore.update(account.with(KycStatus.IN_REVIEW, null, now));
                }
            });
            audit.record(new AuditLog.Event(now, actor.accountId(), "KYC_OPENED", "kyc", record.id(),
                    AuditJson.of("status", KycStatus.SUBMITTED), AuditJson.of("status", KycStatus.IN_REVIEW),
                    actor.requestId()));
        }
        return KycViews.forStaff(record, adults, signals.linksOf(record.accountId()));
    }

    @Transactional
    public KycView decide(Actor actor, String kycId, Decision decision) {
        String verdict = decision.decision() == null ? "" : decision.decision().strip().toUpperCase(Locale.ROOT);
        if (!verdict.equals("APPROVE") && !verdict.equals("REJECT")) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "decision: must be APPROVE or REJECT");
        }
        boolean approve = verdict.equals("APPROVE");
        String reason = approve ? Reasons.optional("reason", decision.reason())
                : Reasons.required("reason", decision.reason());
        String override = Reasons.optional("watchListOverride", decision.watchListOverride());
        Tier requestedTier = approve && decision.tier() != null && !decision.tier().isBlank()
                ? tiers.named(decision.tier()) : null;

        KycRecord record = kycStore.findForUpdate(kycId).orElseThrow(() -> notFound(kycId));
        if (!record.status().pending()) {
            throw new DcxException(ErrorCode.KYC_NOT_PENDING, "submission " + kycId + " is " + record.status()
                    + " and takes no decision", Map.of("status", record.status().name()));
        }
        if (approve && !record.watchListHits().isEmpty() && override == null) {
            throw new DcxException(ErrorCode.WATCH_LIST_OVERRIDE_REQUIRED,
                    "the submission matched the watch list; approving it needs watchListOverride with the reason",
                    Map.of("watchListHits", record.watchListHits().size()));
        }
        Account account = accountStore.findForUpdate(record.accountId()).orElseThrow();
        Instant now = Instant.now();
        KycStatus before = record.status();
        KycStatus outcome = approve ? KycStatus.APPROVED : KycStatus.REJECTED;
        String tier = approve ? (requestedTier != null ? requestedTier : tiers.defaultFor(record.type())).name() : null;
        KycRecord decided = record.decided(outcome, actor.accountId(), now, reason, approve ? override : null, tier);
        kycStore.updateReview(decided);
        Account updated = account.with(outcome, reason, now);
        accountStore.update(approve ? updated.withTier(tier) : updated);
        audit.record(new AuditLog.Event(now, actor.accountId(), approve ? "KYC_APPROVED" : "KYC_REJECTED", "kyc",
                record.id(),
                AuditJson.of("status", before, "accountId", record.accountId()),
                AuditJson.of("status", outcome, "accountId", record.accountId(), "tier", tier, "reason", reason,
                        "watchListHits", record.watchListHits().size(), "watchListOverride",
                        approve ? override : null),
                actor.requestId()));
        return KycViews.forStaff(decided, adults, signals.linksOf(record.accountId()));
    }

    /** Suspends an approved account: it can no longer trade, deposit or withdraw. */
    @Transactional
    public Account suspend(Actor actor, String accountId, String rawReason) {
        String reason = Reasons.required("reason", rawReason);
        Account account = accountStore.findForUpdate(accountId)
                .orElseThrow(() -> new DcxException(ErrorCode.ACCOUNT_NOT_FOUND, "no account " + accountId));
        if (account.kycStatus() != KycStatus.APPROVED) {
            throw new DcxException(ErrorCode.ACCOUNT_STATE_CONFLICT,
                    "only an APPROVED account can be suspended; this one is " + account.kycStatus(),
                    Map.of("kycStatus", account.kycStatus().name()));
        }
        Instant now = Instant.now();
        Account suspended = account.with(KycStatus.SUSPENDED, reason, now);
        accountStore.update(suspended);
        audit.record(new AuditLog.Event(now, actor.accountId(), "ACCOUNT_SUSPENDED", "account", accountId,
                AuditJson.of("kycStatus", account.kycStatus(), "tier", account.tier()),
                AuditJson.of("kycStatus", KycStatus.SUSPENDED, "reason", reason), actor.requestId()));
        return suspended;
    }

    private static DcxException notFound(String kycId) {
        return new DcxException(ErrorCode.KYC_NOT_FOUND, "no KYC submission " + kycId);
    }
}
