package io.dcx.chaincode;

import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Property;

/**
 * One creator of a work and their share in basis points. JSON: {@code {"accountId":"acc_1","shareBps":10000}}.
 */
@DataType
public record Creator(@Property String accountId, @Property int shareBps) {

    Json.Obj toJson() {
        return Json.object().put("accountId", accountId).put("shareBps", shareBps);
    }

    static Creator fromJson(final Json.JsonFields in) {
        return new Creator(
                Checks.id(in.string("accountId"), in.path("accountId")),
                (int) in.integer("shareBps", 1, Work.TOTAL_BPS));
    }
}
