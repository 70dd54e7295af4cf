package io.dcx.chaincode;

import java.time.Instant;
import java.time.LocalDate;
import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Property;

/**
 * A licence granted on a work, stored under key {@code licence(id)}. JSON, members always present and in this
 * order:
 *
 * <pre>{@code
 * {"id":"lic_1","workId":"wk_1","licenseeId":"acc_2","grantorId":"acc_1",
 *  "scope":{"commercialUse":true,"derivatives":false,"territory":"CN","exclusive":false},
 *  "feeFen":500000,"validFrom":"2025-01-01","validUntil":"2026-01-01","grantedAt":"2025-01-01T08:00:00Z",
 *  "txId":"<granting tx>"}
 * }</pre>
 *
 * <p>The validity is the half-open date range {@code [validFrom, validUntil)}: a licence until 2026-01-01 and
 * one from 2026-01-01 do not overlap.
 */
@DataType
public record Licence(
        @Property String id,
        @Property String workId,
        @Property String licenseeId,
        @Property String grantorId,
        @Property LicenceScope scope,
        @Property long feeFen,
        @Property LocalDate validFrom,
        @Property LocalDate validUntil,
        @Property Instant grantedAt,
        @Property String txId) {

    /** The input of {@code GrantLicence}: the same members without {@code grantedAt} and {@code txId}. */
    static Licence fromRequest(final Json.JsonFields in, final Instant at, final String tx) {
        final String id = Checks.id(in.string("id"), "id");
        final String workId = Checks.id(in.string("workId"), "workId");
        final String licenseeId = Checks.id(in.string("licenseeId"), "licenseeId");
        final String grantorId = Checks.id(in.string("grantorId"), "grantorId");
        if (licenseeId.equals(grantorId)) {
            throw ErrorCode.INVALID_ARGUMENT.exception("licenseeId must differ from grantorId");
        }
        final LicenceScope scope = LicenceScope.fromJson(in.object("scope"));
        final long feeFen = in.integer("feeFen", 0, Long.MAX_VALUE);
        final LocalDate from = Checks.date(in.string("validFrom"), "validFrom");
        final LocalDate until = Checks.date(in.string("validUntil"), "validUntil");
        if (!from.isBefore(until)) {
            throw ErrorCode.INVALID_ARGUMENT.exception("validFrom must be before validUntil");
        }
        return new Licence(id, workId, licenseeId, grantorId, scope, feeFen, from, until, at, tx);
    }

    boolean overlaps(final Licence other) {
        return validFrom.isBefore(other.validUntil) && other.validFrom.isBefore(validUntil);
    }

    Json.Obj toJson() {
        return Json.object()
                .put("id", id)
                .put("workId", workId)
                .put("licenseeId", licenseeId)
                .put("grantorId", grantorId)
                .put("scope", scope.toJson())
                .put("feeFen", feeFen)
                .put("validFrom", validFrom.toString())
                .put("validUntil", validUntil.toString())
                .put("grantedAt", grantedAt.toString())
                .put("txId", txId);
    }

    static Licence fromStored(final byte[] json) {
        final Json.JsonFields in = Json.parseStored(json, "licence");
        return new Licence(
                in.string("id"),
                in.string("workId"),
                in.string("licenseeId"),
                in.string("grantorId"),
                LicenceScope.fromJson(in.object("scope")),
                in.integer("feeFen", 0, Long.MAX_VALUE),
                LocalDate.parse(in.string("validFrom")),
                LocalDate.parse(in.string("validUntil")),
                Instant.parse(in.string("grantedAt")),
                in.string("txId"));
    }
}
