package io.dcx.service.api.dto;

import io.dcx.service.domain.dispute.Dispute;
import io.dcx.service.domain.dispute.DisputeEvent;
import java.time.Instant;
import java.util.List;

/** An infringement claim and its history, oldest step first. */
public record DisputeResponse(
        String id,
        String workId,
        String claimant,
        String claim,
        String evidenceWorkId,
        String status,
        Instant createdAt,
        Instant updatedAt,
        List<DisputeEvent> history) {

    public static DisputeResponse of(Dispute d) {
        return new DisputeResponse(d.id(), d.workId(), d.claimant(), d.claim(), d.evidenceWorkId(), d.status().name(),
                d.createdAt(), d.updatedAt(), d.history());
    }
}
