package io.dcx.chaincode;

import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Property;

/**
 * What a licence allows. JSON:
 * {@code {"commercialUse":true,"derivatives":false,"territory":"CN","exclusive":false}}.
 */
@DataType
public record LicenceScope(
        @Property boolean commercialUse,
        @Property boolean derivatives,
        @Property String territory,
        @Property boolean exclusive) {

    static final int MAX_TERRITORY = 100;

    Json.Obj toJson() {
        return Json.object()
                .put("commercialUse", commercialUse)
                .put("derivatives", derivatives)
                .put("territory", territory)
                .put("exclusive", exclusive);
    }

    static LicenceScope fromJson(final Json.JsonFields in) {
        return new LicenceScope(
                in.bool("commercialUse"),
                in.bool("derivatives"),
                Checks.text(in.string("territory"), in.path("territory"), MAX_TERRITORY),
                in.bool("exclusive"));
    }
}
