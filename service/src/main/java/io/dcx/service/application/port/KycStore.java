package io.dcx.service.application.port;

import io.dcx.service.application.kyc.KycRecord;
import io.dcx.service.domain.kyc.KycStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * KYC submissions. The adapter encrypts every personal field at rest and decrypts on read, so callers see plain
 * values and the database never does.
 */
public interface KycStore {
    void insert(KycRecord record);

    Optional<KycRecord> find(String id);

    Optional<KycRecord> findForUpdate(String id);

    /** The account's most recent submission. */
    Optional<KycRecord> latestOf(String accountId);

    /** The account's most recent approved submission. */
    Optional<KycRecord> latestApprovedOf(String accountId);

    /** Writes the review fields (status, opened, decided, reason, override, tier); personal data never changes. */
    void updateReview(KycRecord record);

    /** Submissions in the given states, oldest first. */
    List<KycRecord> inStates(Set<KycStatus> states, int limit);
}
