package io.dcx.chaincode;

import java.time.Instant;
import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Property;

/**
 * The unit that trades, stored under key {@code asset(id)}: edition {@code k} of {@code N} of a work (id
 * {@code <workId>-<k>}) or the work's copyright (id {@code <workId>-c}). Whole units only. JSON, members always
 * present and in this order:
 *
 * <pre>{@code
 * {"id":"wk_1-1","workId":"wk_1","kind":"EDITION","edition":1,"editionCount":10,"ownerId":"acc_1",
 *  "status":"ACTIVE","lock":null,"acquiredAt":"2025-01-01T08:00:00Z","acquiredBy":"ISSUE",
 *  "issuePriceFen":10000,"lastAction":"ISSUED","lastReason":null,"txId":"<last tx that wrote it>"}
 * }</pre>
 *
 * <p>For a copyright, {@code edition}, {@code editionCount} and {@code issuePriceFen} are null. {@code lock} is
 * null or a {@link TradeLock}. {@code lastAction} is one of ISSUED, LOCKED, RELEASED, SETTLED, TRANSFERRED,
 * FROZEN, UNFROZEN; {@code lastReason} is the reason given with a transfer or a freeze, else null.
 */
@DataType
public record Asset(
        @Property String id,
        @Property String workId,
        @Property AssetKind kind,
        @Property Integer edition,
        @Property Integer editionCount,
        @Property String ownerId,
        @Property AssetStatus status,
        @Property TradeLock lock,
        @Property Instant acquiredAt,
        @Property AcquiredBy acquiredBy,
        @Property Long issuePriceFen,
        @Property String lastAction,
        @Property String lastReason,
        @Property String txId) {

    static final String ISSUED = "ISSUED";
    static final String LOCKED = "LOCKED";
    static final String RELEASED = "RELEASED";
    static final String SETTLED = "SETTLED";
    static final String TRANSFERRED = "TRANSFERRED";
    static final String FROZEN = "FROZEN";
    static final String UNFROZEN = "UNFROZEN";

    static Asset edition(final String workId, final int k, final int n, final String ownerId, final long priceFen,
            final Instant at, final String tx) {
        return new Asset(workId + "-" + k, workId, AssetKind.EDITION, k, n, ownerId, AssetStatus.ACTIVE, null, at,
                AcquiredBy.ISSUE, priceFen, ISSUED, null, tx);
    }

    static Asset copyright(final String workId, final String ownerId, final Instant at, final String tx) {
        return new Asset(workId + "-c", workId, AssetKind.COPYRIGHT, null, null, ownerId, AssetStatus.ACTIVE, null,
                at, AcquiredBy.ISSUE, null, ISSUED, null, tx);
    }

    Asset locked(final TradeLock newLock, final String tx) {
        return new Asset(id, workId, kind, edition, editionCount, ownerId, AssetStatus.LOCKED, newLock, acquiredAt,
                acquiredBy, issuePriceFen, LOCKED, null, tx);
    }

    /** The lock cleared; a frozen asset stays frozen. */
    Asset released(final String tx) {
        final AssetStatus next = status == AssetStatus.FROZEN ? AssetStatus.FROZEN : AssetStatus.ACTIVE;
        return new Asset(id, workId, kind, edition, editionCount, ownerId, next, null, acquiredAt, acquiredBy,
                issuePriceFen, RELEASED, null, tx);
    }

    /** A new owner; the lock (if any) cleared. */
    Asset ownedBy(final String newOwner, final AcquiredBy by, final Instant at, final String action,
            final String reason, final String tx) {
        return new Asset(id, workId, kind, edition, editionCount, newOwner, AssetStatus.ACTIVE, null, at, by,
                issuePriceFen, action, reason, tx);
    }

    /** Frozen; the lock, if any, is kept. */
    Asset frozen(final String reason, final String tx) {
        return new Asset(id, workId, kind, edition, editionCount, ownerId, AssetStatus.FROZEN, lock, acquiredAt,
                acquiredBy, issuePriceFen, FROZEN, reason, tx);
    }

    Asset unfrozen(final String tx) {
        final AssetStatus next = lock == null ? AssetStatus.ACTIVE : AssetStatus.LOCKED;
        return new Asset(id, workId, kind, edition, editionCount, ownerId, next, lock, acquiredAt, acquiredBy,
                issuePriceFen, UNFROZEN, null, tx);
    }

    Json.Obj toJson() {
        return Json.object()
                .put("id", id)
                .put("workId", workId)
                .put("kind", kind.name())
                .put("edition", edition)
                .put("editionCount", editionCount)
                .put("ownerId", ownerId)
                .put("status", status.name())
                .put("lock", lock == null ? null : lock.toJson())
                .put("acquiredAt", acquiredAt.toString())
                .put("acquiredBy", acquiredBy.name())
                .put("issuePriceFen", issuePriceFen)
                .put("lastAction", lastAction)
                .put("lastReason", lastReason)
                .put("txId", txId);
    }

    static Asset fromStored(final byte[] json) {
        final Json.JsonFields in = Json.parseStored(json, "asset");
        final Json.JsonFields lock = in.optionalObject("lock");
        final Long edition = in.optionalInteger("edition", 1, Integer.MAX_VALUE, null);
        final Long editionCount = in.optionalInteger("editionCount", 1, Integer.MAX_VALUE, null);
        return new Asset(
                in.string("id"),
                in.string("workId"),
                AssetKind.valueOf(in.string("kind")),
                edition == null ? null : edition.intValue(),
                editionCount == null ? null : editionCount.intValue(),
                in.string("ownerId"),
                AssetStatus.valueOf(in.string("status")),
                lock == null ? null : TradeLock.fromJson(lock),
                Instant.parse(in.string("acquiredAt")),
                AcquiredBy.valueOf(in.string("acquiredBy")),
                in.optionalInteger("issuePriceFen", 0, Long.MAX_VALUE, null),
                in.string("lastAction"),
                in.optionalString("lastReason", null),
                in.string("txId"));
    }
}
