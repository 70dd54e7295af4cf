package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.application.kyc.KycView;
import io.dcx.service.domain.kyc.WatchListHit;
import java.time.Instant;
import java.util.List;

/**
 * A KYC submission. {@code masked} says whether the personal fields are masked (they are for everyone but the
 * owner, unless resolved by a regulator's look-through). Review fields ({@code openedBy}, {@code decidedBy},
 * {@code watchListHits}, {@code watchListOverride}, {@code linkedAccounts}) are shown to staff only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KycResponse(String id, String accountId, String type, String status, String reason, String tier,
        Instant submittedAt, Instant openedAt, String openedBy, Instant decidedAt, String decidedBy, boolean masked,
        KycView.Person person, KycView.Institution institution, List<WatchListHit> watchListHits,
        String watchListOverride, List<KycView.LinkedAccount> linkedAccounts) {

    public static KycResponse of(KycView v) {
        return v == null ? null : new KycResponse(v.id(), v.accountId(), v.type().name(), v.status().name(),
                v.reason(), v.tier(), v.submittedAt(), v.openedAt(), v.openedBy(), v.decidedAt(), v.decidedBy(),
                v.masked(), v.person(), v.institution(), v.watchListHits(), v.watchListOverride(),
                v.linkedAccounts());
    }
}
