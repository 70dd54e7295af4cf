package io.dcx.service.domain.licence;

import java.time.Instant;
import java.time.LocalDate;

/** A licence granted on a work, as the chain recorded it, with the block of its granting transaction. */
public record Licence(
        String id,
        String workId,
        String licenseeId,
        String grantorId,
        LicenceScope scope,
        long feeFen,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant grantedAt,
        String txId,
        long blockNumber) {
}
