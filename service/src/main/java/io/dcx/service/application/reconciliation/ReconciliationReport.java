package io.dcx.service.application.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One reconciliation run: when, who asked (an account id, or {@code system} for the scheduled job), whose ledger
 * identity read the chain, counts per subject, and the differences found (at most
 * {@link Reconciliation#MAX_DIFFERENCES}; {@code truncated} says some were left out, {@code differenceCount} is
 * the total). A clean run has none.
 */
public record ReconciliationReport(String id, Instant startedAt, Instant finishedAt, Trigger trigger,
        String requestedBy, String ledgerMsp, boolean clean, int differenceCount, boolean truncated,
        Map<Difference.Subject, Counts> counts, List<Difference> differences) {

    public enum Trigger {
        SCHEDULED, ON_DEMAND
    }

    /** Records compared in one subject, and how many differences were found there. */
    public record Counts(long checked, long differences) {
    }
}
