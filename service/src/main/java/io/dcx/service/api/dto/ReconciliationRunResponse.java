package io.dcx.service.api.dto;

import io.dcx.service.application.reconciliation.Difference;
import io.dcx.service.application.reconciliation.ReconciliationReport;
import java.time.Instant;
import java.util.Map;

/** One reconciliation run in the list of recent runs: the report without its differences. */
public record ReconciliationRunResponse(String id, Instant startedAt, Instant finishedAt,
        ReconciliationReport.Trigger trigger, String requestedBy, String ledgerMsp, boolean clean,
        int differenceCount, boolean truncated, Map<Difference.Subject, ReconciliationReport.Counts> counts) {

    public static ReconciliationRunResponse of(ReconciliationReport r) {
        return new ReconciliationRunResponse(r.id(), r.startedAt(), r.finishedAt(), r.trigger(), r.requestedBy(),
                r.ledgerMsp(), r.clean(), r.differenceCount(), r.truncated(), r.counts());
    }
}
