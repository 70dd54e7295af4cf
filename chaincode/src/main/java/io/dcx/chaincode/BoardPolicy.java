package io.dcx.chaincode;

import java.time.Instant;
import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Property;

/**
 * The board rules the contract enforces itself, stored under key {@code policy()}. JSON:
 *
 * <pre>{@code
 * {"holdingPeriodSeconds":15552000,"dailyTransferCapPerAsset":1,"dailyTransferCapPerAccount":20,
 *  "updatedAt":null,"txId":null}
 * }</pre>
 *
 * <p>{@code updatedAt} and {@code txId} are null while the defaults apply (nothing stored yet). Defaults:
 * holding period 180 days, one transfer per asset per UTC day, 20 transfers per account per UTC day. A cap of 0
 * stops all transfers.
 */
@DataType
public record BoardPolicy(
        @Property long holdingPeriodSeconds,
        @Property int dailyTransferCapPerAsset,
        @Property int dailyTransferCapPerAccount,
        @Property Instant updatedAt,
        @Property String txId) {

    static final long DEFAULT_HOLDING_PERIOD_SECONDS = 180L * 24 * 60 * 60;
    static final int DEFAULT_CAP_PER_ASSET = 1;
    static final int DEFAULT_CAP_PER_ACCOUNT = 20;
    static final long MAX_HOLDING_PERIOD_SECONDS = 10L * 366 * 24 * 60 * 60;
    static final int MAX_CAP = 1_000_000;

    static final BoardPolicy DEFAULTS = new BoardPolicy(
            DEFAULT_HOLDING_PERIOD_SECONDS, DEFAULT_CAP_PER_ASSET, DEFAULT_CAP_PER_ACCOUNT, null, null);

    /** The input of {@code SetBoardPolicy}; a member left out takes its default (the whole policy is replaced). */
    static BoardPolicy fromRequest(final Json.JsonFields in, final Instant at, final String tx) {
        return new BoardPolicy(
                in.optionalInteger("holdingPeriodSeconds", 0, MAX_HOLDING_PERIOD_SECONDS,
                        DEFAULT_HOLDING_PERIOD_SECONDS),
                in.optionalInteger("dailyTransferCapPerAsset", 0, MAX_CAP, (long) DEFAULT_CAP_PER_ASSET).intValue(),
                in.optionalInteger("dailyTransferCapPerAccount", 0, MAX_CAP, (long) DEFAULT_CAP_PER_ACCOUNT)
                        .intValue(),
                at,
                tx);
    }

    Json.Obj toJson() {
        return Json.object()
                .put("holdingPeriodSeconds", holdingPeriodSeconds)
                .put("dailyTransferCapPerAsset", dailyTransferCapPerAsset)
                .put("dailyTransferCapPerAccount", dailyTransferCapPerAccount)
                .put("updatedAt", updatedAt == null ? null : updatedAt.toString())
                .put("txId", txId);
    }

    static BoardPolicy fromStored(final byte[] json) {
        final Json.JsonFields in = Json.parseStored(json, "policy");
        final String updatedAt = in.optionalString("updatedAt", null);
        return new BoardPolicy(
                in.integer("holdingPeriodSeconds", 0, Long.MAX_VALUE),
                (int) in.integer("dailyTransferCapPerAsset", 0, Integer.MAX_VALUE),
                (int) in.integer("dailyTransferCapPerAccount", 0, Integer.MAX_VALUE),
                updatedAt == null ? null : Instant.parse(updatedAt),
                in.optionalString("txId", null));
    }
}
