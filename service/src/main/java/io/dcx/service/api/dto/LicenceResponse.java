package io.dcx.service.api.dto;

import io.dcx.service.domain.licence.Licence;
import io.dcx.service.domain.licence.LicenceScope;
import java.time.Instant;
import java.time.LocalDate;

/** A licence on a work. Validity is {@code [validFrom, validUntil)}; {@code feeFen} is integer fen (CNY). */
public record LicenceResponse(
        String id,
        String workId,
        String licenseeId,
        String grantorId,
        LicenceScope scope,
        long feeFen,
        String currency,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant grantedAt,
        String txId,
        long blockNumber) {

    public static LicenceResponse of(Licence l) {
        return new LicenceResponse(l.id(), l.workId(), l.licenseeId(), l.grantorId(), l.scope(), l.feeFen(), "CNY",
                l.validFrom(), l.validUntil(), l.grantedAt(), l.txId(), l.blockNumber());
    }
}
