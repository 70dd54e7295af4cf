package io.dcx.service.api.dto;

import io.dcx.service.application.risk.RiskStore;
import java.time.Instant;

/** A surveillance case: its subject, the rule of its first alert, its status. */
public record CaseResponse(String id, String subjectType, String subjectId, String rule, String status,
        Instant openedAt, Instant updatedAt) {

    public static CaseResponse of(RiskStore.RiskCase c) {
        return new CaseResponse(c.id(), c.subjectType(), c.subjectId(), c.rule(), c.status().name(), c.openedAt(),
                c.updatedAt());
    }
}
