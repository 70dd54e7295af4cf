package io.dcx.chaincode;

import java.time.Instant;
import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Property;

/**
 * A settled trade, stored under key {@code trade(tradeId)} by {@code SettleTrade} and never changed again. JSON:
 *
 * <pre>{@code
 * {"tradeId":"tr_1","assetId":"wk_1-1","sellerId":"acc_1","buyerId":"acc_2","termsHash":"<64 hex>",
 *  "settledAt":"2025-01-01T08:00:00Z","txId":"<settling tx>"}
 * }</pre>
 */
@DataType
public record Trade(
        @Property String tradeId,
        @Property String assetId,
        @Property String sellerId,
        @Property String buyerId,
        @Property String termsHash,
        @Property Instant settledAt,
        @Property String txId) {

    Json.Obj toJson() {
        return Json.object()
                .put("tradeId", tradeId)
                .put("assetId", assetId)
                .put("sellerId", sellerId)
                .put("buyerId", buyerId)
                .put("termsHash", termsHash)
                .put("settledAt", settledAt.toString())
                .put("txId", txId);
    }

    static Trade fromStored(final byte[] json) {
        final Json.JsonFields in = Json.parseStored(json, "trade");
        return new Trade(in.string("tradeId"), in.string("assetId"), in.string("sellerId"), in.string("buyerId"),
                in.string("termsHash"), Instant.parse(in.string("settledAt")), in.string("txId"));
    }
}
