package io.dcx.service.application.kyc;

import io.dcx.service.domain.kyc.AccountType;
import io.dcx.service.domain.kyc.KycStatus;
import io.dcx.service.domain.kyc.SignalKind;
import io.dcx.service.domain.kyc.WatchListHit;
import java.time.Instant;
import java.util.List;

/**
 * A KYC submission as one kind of reader may see it (see {@link KycViews}). Fields a reader may not see are null:
 * the owner never sees reviewers, watch-list hits or linked accounts; staff see personal data masked.
 */
public record KycView(String id, String accountId, AccountType type, KycStatus status, String reason, String tier,
        Instant submittedAt, Instant openedAt, String openedBy, Instant decidedAt, String decidedBy, boolean masked,
        Person person, Institution institution, List<WatchListHit> watchListHits, String watchListOverride,
        List<LinkedAccount> linkedAccounts) {

    public record Person(String name, String idNumber, String birthDate, boolean adult, String phone,
            String bankCard, String address, String deviceId) {
    }

    public record Institution(String name, String creditCode, String legalRepresentative, String phone,
            String bankCard, String address, String deviceId) {
    }

    /** Another account sharing facts with this one, and which kinds of fact. */
    public record LinkedAccount(String accountId, List<SignalKind> shared) {
    }
}
