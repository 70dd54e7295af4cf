package io.dcx.service.domain.certificate;

import java.time.Instant;

/**
 * A registration certificate: the chain's facts about a work, the block of its registering transaction, when the
 * certificate was issued, its hash (see {@link RegisteredFacts#certificateHash()}) and the public link that checks
 * it against the ledger.
 */
public record Certificate(RegisteredFacts facts, Long blockNumber, String verifyUrl, Instant issuedAt,
        String certificateHash) {
}
