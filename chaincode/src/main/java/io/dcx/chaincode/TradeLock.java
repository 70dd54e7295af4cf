package io.dcx.chaincode;

import java.time.Instant;
import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Property;

/**
 * The lock a trade holds on an asset between {@code LockAsset} and {@code SettleTrade}/{@code ReleaseAsset}. JSON:
 * {@code {"tradeId":"tr_1","sellerId":"acc_1","buyerId":"acc_2","termsHash":"<64 hex>","lockedAt":"..."}}.
 */
@DataType
public record TradeLock(
        @Property String tradeId,
        @Property String sellerId,
        @Property String buyerId,
        @Property String termsHash,
        @Property Instant lockedAt) {

    boolean sameTerms(final String seller, final String buyer, final String terms) {
        return sellerId.equals(seller) && buyerId.equals(buyer) && termsHash.equals(terms);
    }

    Json.Obj toJson() {
        return Json.object()
                .put("tradeId", tradeId)
                .put("sellerId", sellerId)
                .put("buyerId", buyerId)
                .put("termsHash", termsHash)
                .put("lockedAt", lockedAt.toString());
    }

    static TradeLock fromJson(final Json.JsonFields in) {
        return new TradeLock(in.string("tradeId"), in.string("sellerId"), in.string("buyerId"),
                in.string("termsHash"), Instant.parse(in.string("lockedAt")));
    }
}
