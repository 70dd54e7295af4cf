package io.dcx.service.application.port;

import io.dcx.service.domain.kyc.SignalKind;
import java.time.Instant;
import java.util.List;

/**
 * Keyed hashes of the facts that can tie accounts together (id number, credit code, phone, bank card, device,
 * address) and the links found between accounts that share one.
 */
public interface SignalStore {
    /**
     * Records that the account presented a fact with this hash and links it to every other account that presented
     * the same one. Answers the other accounts. Concurrent submissions of the same fact still link each other.
     */
    List<String> recordAndLink(String accountId, SignalKind kind, String valueHash, String kycId, Instant now);

    /** Every link of the account, one per other account and kind. */
    List<Link> linksOf(String accountId);

    record Link(String accountId, String linkedAccountId, SignalKind kind, Instant detectedAt) {
    }
}
