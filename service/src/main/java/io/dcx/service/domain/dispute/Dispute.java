package io.dcx.service.domain.dispute;

import java.time.Instant;
import java.util.List;

/** An infringement claim against a work by a rights holder ({@code claimant}, an account id), with its history. */
public record Dispute(
        String id,
        String workId,
        String claimant,
        String claim,
        String evidenceWorkId,
        DisputeStatus status,
        Instant createdAt,
        Instant updatedAt,
        List<DisputeEvent> history) {

    public Dispute {
        history = List.copyOf(history);
    }
}
