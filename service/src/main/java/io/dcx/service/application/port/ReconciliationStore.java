package io.dcx.service.application.port;

import io.dcx.service.application.reconciliation.ReconciliationReport;
import java.util.Optional;

/** Reconciliation runs and their differences. */
public interface ReconciliationStore {
    /** Stores the run and its differences in the caller's transaction. */
    void save(ReconciliationReport report);

    Optional<ReconciliationReport> latest();

    Optional<ReconciliationReport> byId(String id);
}
