package io.dcx.service.application.port;

import io.dcx.service.application.reconciliation.ReconciliationReport;
import java.util.List;
import java.util.Optional;

/** Reconciliation runs and their differences. */
public interface ReconciliationStore {
    /** Stores the run and its differences in the caller's transaction. */
    void save(ReconciliationReport report);

    Optional<ReconciliationReport> latest();

    Optional<ReconciliationReport> byId(String id);

    /** The newest runs first, without their differences (read one by id for those). */
    List<ReconciliationReport> recent(int limit);
}
