package io.dcx.service.application.port;

import io.dcx.service.domain.Work;
import java.util.Optional;

/** The service's read model of registered works (a projection of the chain). */
public interface WorkCatalog {
    Optional<Work> byId(String id);

    Optional<Work> byContentHash(String contentHash);

    /** Inserts the work or, if its id exists, refreshes the chain facts and keeps the off-chain ones. */
    void upsert(Work work);
}
