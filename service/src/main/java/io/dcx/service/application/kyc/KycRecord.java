package io.dcx.service.application.kyc;

import io.dcx.service.domain.kyc.AccountType;
import io.dcx.service.domain.kyc.KycStatus;
import io.dcx.service.domain.kyc.WatchListHit;
import java.time.Instant;
import java.util.List;

/** One KYC submission and its review. */
public record KycRecord(String id, String accountId, AccountType type, KycStatus status, PersonalData data,
        List<WatchListHit> watchListHits, Instant submittedAt, String openedBy, Instant openedAt, String decidedBy,
        Instant decidedAt, String reason, String watchListOverride, String tier) {

    public KycRecord {
        watchListHits = List.copyOf(watchListHits);
    }

    public KycRecord opened(String reviewer, Instant at) {
        return new KycRecord(id, accountId, type, KycStatus.IN_REVIEW, data, watchListHits, submittedAt, reviewer, at,
                decidedBy, decidedAt, reason, watchListOverride, tier);
    }

    public KycRecord decided(KycStatus outcome, String reviewer, Instant at, String why, String override,
            String assignedTier) {
        return new KycRecord(id, accountId, type, outcome, data, watchListHits, submittedAt,
                openedBy == null ? reviewer : openedBy, openedAt == null ? at : openedAt, reviewer, at, why, override,
                assignedTier);
    }
}
