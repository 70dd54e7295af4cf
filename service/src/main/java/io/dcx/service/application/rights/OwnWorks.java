package io.dcx.service.application.rights;

import io.dcx.service.application.WorkQueries;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Work;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creators act on their own works only. A work the caller did not create answers exactly like a work that does not
 * exist (design section 4: ids cannot be probed through write endpoints).
 */
@ApplicationScoped
public class OwnWorks {
    private final WorkQueries works;

    public OwnWorks(WorkQueries works) {
        this.works = works;
    }

    /** The work, if {@code caller} is one of its creators; else WORK_NOT_FOUND. */
    public Work of(String workId, AccountId caller) {
        Work work = works.byId(workId);
        if (!isCreator(work, caller.value())) {
            throw new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + workId);
        }
        return work;
    }

    public static boolean isCreator(Work work, String accountId) {
        return work.creators().stream().anyMatch(c -> c.accountId().equals(accountId));
    }
}
