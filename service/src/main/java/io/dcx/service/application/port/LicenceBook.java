package io.dcx.service.application.port;

import io.dcx.service.domain.licence.Licence;
import java.util.List;
import java.util.Optional;

/** The service's read model of licences (a projection of the chain's LicenceGranted events). */
public interface LicenceBook {
    Optional<Licence> byId(String id);

    /** The work's licences, oldest grant first. */
    List<Licence> byWork(String workId);

    /** Inserts the licence; a licence never changes once granted, so a second write is a no-op. */
    void insert(Licence licence);
}
