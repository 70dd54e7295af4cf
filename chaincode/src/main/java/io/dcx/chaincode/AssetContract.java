package io.dcx.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Namespace {@code assets}: issuing editions and copyrights, and the two-step settlement of trades.
 *
 * <p>Transactions (all arguments are strings; every answer is JSON text):
 * <ul>
 * <li>{@code assets:IssueEditions(workId, ownerId, count, issuePriceFen)} SUBMIT: assets {@code <workId>-1} to
 *     {@code <workId>-<count>} (count 1 to 10000, once per work); answers the array of {@link Asset}s; event
 *     {@code EditionsIssued} {@code {"workId","ownerId","count","issuePriceFen","assetIds":[..]}}.</li>
 * <li>{@code assets:IssueCopyright(workId, ownerId)} SUBMIT: asset {@code <workId>-c} (once); answers the asset;
 *     event {@code CopyrightIssued} with the asset.</li>
 * <li>{@code assets:GetAsset(id)}, {@code assets:ListAssetsByOwner(ownerId)},
 *     {@code assets:ListAssetsByWork(workId)} (asset id order), {@code assets:GetAssetHistory(id)} (same shape
 *     as works:GetWorkHistory), {@code assets:GetTrade(tradeId)} EVALUATE.</li>
 * <li>{@code assets:LockAsset(assetId, tradeId, sellerId, buyerId, termsHash)} SUBMIT: answers the asset; event
 *     {@code AssetLocked}. Locking again for the same trade and terms is a no-op (no write, no event).</li>
 * <li>{@code assets:SettleTrade(assetId, tradeId, buyerId, termsHash)} SUBMIT: answers the {@link Trade}; event
 *     {@code TradeSettled} with the trade. If the trade id is already settled with the same asset, buyer and
 *     terms, answers the stored trade and writes nothing (no event): a replay never transfers twice.</li>
 * <li>{@code assets:ReleaseAsset(assetId, tradeId)} SUBMIT: answers the asset; event {@code AssetReleased}; an
 *     unlocked asset is a no-op.</li>
 * <li>{@code assets:TransferAsset(assetId, fromId, toId, reason)} SUBMIT: an off-board transfer (gift,
 *     inheritance, court order), under the same holding period and caps as a sale; answers the asset; event
 *     {@code AssetTransferred} {@code {"assetId","fromId","toId","reason","asset":{..}}}.</li>
 * <li>{@code assets:FreezeAsset(assetId, reason)}, {@code assets:UnfreezeAsset(assetId)} SUBMIT: answer the asset;
 *     events {@code AssetFrozen}, {@code AssetUnfrozen}; freezing a frozen asset (or unfreezing an unfrozen one)
 *     is a no-op. A lock survives a freeze; a frozen asset cannot settle, lock or transfer, but can be
 *     released.</li>
 * </ul>
 *
 * <p>Rules on every change of owner (LockAsset checks them before a sale, SettleTrade and TransferAsset at the
 * moment of transfer): the work must be ACTIVE (WORK_NOT_TRADABLE); if the current owner acquired the asset by
 * TRADE or TRANSFER, at least {@code holdingPeriodSeconds} must have passed since {@code acquiredAt} (exactly the
 * period is enough; owners by ISSUE are exempt) (HOLDING_PERIOD); and the asset, the seller and the buyer must
 * each be under their daily transfer cap for the UTC day of the transaction (TRANSFER_CAP). Settled trades and
 * transfers count; issues and locks do not.
 *
 * <p>Keys written here (see {@link Keys}): {@code asset(id)} -&gt; Asset; {@code ownerAsset(ownerId, assetId)}
 * and {@code workAsset(workId, assetId)} -&gt; 0x00 (the owner index moves with every settlement and transfer);
 * {@code trade(tradeId)} -&gt; Trade; {@code transferCount("asset"|"account", id, yyyyMMdd)} -&gt; decimal count.
 */
@Contract(
        name = "assets",
        info = @Info(
                title = "dcx assets",
                description = "Editions and copyrights of works, and the two-step settlement of trades",
                version = "1.0.0",
                license = @License(name = "Apache-2.0")))
public final class AssetContract implements ContractInterface {
    static final int MAX_EDITIONS = 10_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Override
    public void unknownTransaction(final Context ctx) {
        throw ErrorCode.UNKNOWN_TRANSACTION.exception(
                "contract assets has no transaction " + ctx.getStub().getFunction());
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String IssueEditions(final Context ctx, final String workId, final String ownerId, final String count,
            final String issuePriceFen) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.ISSUE);
        final LedgerState state = new LedgerState(ctx);
        Checks.id(workId, "workId");
        Checks.id(ownerId, "ownerId");
        final int n = (int) Checks.number(count, "count", 1, MAX_EDITIONS);
        final long price = Checks.number(issuePriceFen, "issuePriceFen", 0, Long.MAX_VALUE);

        final Work work = issuableWork(state, workId, ownerId);
        if (state.get(state.key(Keys.ASSET, workId + "-1")) != null) {
            throw ErrorCode.EDITIONS_ALREADY_ISSUED.exception("editions of work " + workId + " are already issued");
        }

        final Instant now = state.now();
        final List<Object> assets = new ArrayList<>(n);
        final List<Object> assetIds = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            final Asset asset = Asset.edition(work.id(), k, n, ownerId, price, now, state.txId());
            writeNew(state, asset);
            assets.add(asset.toJson());
            assetIds.add(asset.id());
        }
        state.emit("EditionsIssued", Json.object()
                .put("workId", work.id())
                .put("ownerId", ownerId)
                .put("count", n)
                .put("issuePriceFen", price)
                .put("assetIds", assetIds)
                .toString());
        return Json.array(assets);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String IssueCopyright(final Context ctx, final String workId, final String ownerId) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.ISSUE);
        final LedgerState state = new LedgerState(ctx);
        Checks.id(workId, "workId");
        Checks.id(ownerId, "ownerId");

        final Work work = issuableWork(state, workId, ownerId);
        final Asset asset = Asset.copyright(work.id(), ownerId, state.now(), state.txId());
        if (state.get(state.key(Keys.ASSET, asset.id())) != null) {
            throw ErrorCode.ASSET_EXISTS.exception("the copyright of work " + workId + " is already issued as "
                    + asset.id());
        }
        writeNew(state, asset);
        final String json = asset.toJson().toString();
        state.emit("CopyrightIssued", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetAsset(final Context ctx, final String id) {
        final LedgerState state = new LedgerState(ctx);
        Checks.assetId(id, "id");
        final byte[] json = state.get(state.key(Keys.ASSET, id));
        if (json == null) {
            throw ErrorCode.ASSET_NOT_FOUND.exception("no asset with id " + id);
        }
        return LedgerState.utf8(json);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListAssetsByOwner(final Context ctx, final String ownerId) {
        final LedgerState state = new LedgerState(ctx);
        Checks.id(ownerId, "ownerId");
        return assetsOf(state, state.indexTargets(Keys.OWNER_ASSET, ownerId));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListAssetsByWork(final Context ctx, final String workId) {
        final LedgerState state = new LedgerState(ctx);
        Checks.id(workId, "workId");
        if (!state.workExists(workId)) {
            throw ErrorCode.WORK_NOT_FOUND.exception("no work with id " + workId);
        }
        return assetsOf(state, state.indexTargets(Keys.WORK_ASSET, workId));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetAssetHistory(final Context ctx, final String id) {
        final LedgerState state = new LedgerState(ctx);
        Checks.assetId(id, "id");
        final String key = state.key(Keys.ASSET, id);
        if (state.get(key) == null) {
            throw ErrorCode.ASSET_NOT_FOUND.exception("no asset with id " + id);
        }
        return state.historyJson(key);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String LockAsset(final Context ctx, final String assetId, final String tradeId, final String sellerId,
            final String buyerId, final String termsHash) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.OPERATE_BOARD);
        final LedgerState state = new LedgerState(ctx);
        Checks.assetId(assetId, "assetId");
        Checks.id(tradeId, "tradeId");
        Checks.id(sellerId, "sellerId");
        Checks.id(buyerId, "buyerId");
        Checks.sha256Hex(termsHash, "termsHash");
        if (sellerId.equals(buyerId)) {
            throw ErrorCode.SELF_TRADE.exception("seller and buyer are the same account " + sellerId);
        }

        final Asset asset = state.asset(assetId);
        final TradeLock current = asset.lock();
        if (current != null) {
            if (!current.tradeId().equals(tradeId)) {
                throw ErrorCode.ASSET_LOCKED.exception(
                        "asset " + assetId + " is locked by trade " + current.tradeId());
            }
            if (!current.sameTerms(sellerId, buyerId, termsHash)) {
                throw ErrorCode.TRADE_MISMATCH.exception("asset " + assetId + " is locked by trade " + tradeId
                        + " with other parties or terms");
            }
            return asset.toJson().toString();
        }
        if (asset.status() == AssetStatus.FROZEN) {
            throw ErrorCode.ASSET_FROZEN.exception("asset " + assetId + " is frozen");
        }
        if (state.get(state.key(Keys.TRADE, tradeId)) != null) {
            throw ErrorCode.TRADE_MISMATCH.exception("trade " + tradeId + " is already settled");
        }
        if (!asset.ownerId().equals(sellerId)) {
            throw ErrorCode.NOT_OWNER.exception(sellerId + " does not own asset " + assetId);
        }
        final Instant now = state.now();
        checkTransferable(state, asset, sellerId, buyerId, now);

        final Asset locked = asset.locked(new TradeLock(tradeId, sellerId, buyerId, termsHash, now), state.txId());
        final String json = locked.toJson().toString();
        state.put(state.key(Keys.ASSET, assetId), json);
        state.emit("AssetLocked", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String SettleTrade(final Context ctx, final String assetId, final String tradeId, final String buyerId,
            final String termsHash) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.OPERATE_BOARD);
        final LedgerState state = new LedgerState(ctx);
        Checks.assetId(assetId, "assetId");
        Checks.id(tradeId, "tradeId");
        Checks.id(buyerId, "buyerId");
        Checks.sha256Hex(termsHash, "termsHash");

        final String tradeKey = state.key(Keys.TRADE, tradeId);
        final byte[] settled = state.get(tradeKey);
        if (settled != null) {
            final Trade trade = Trade.fromStored(settled);
            if (!trade.assetId().equals(assetId) || !trade.buyerId().equals(buyerId)
                    || !trade.termsHash().equals(termsHash)) {
                throw ErrorCode.TRADE_MISMATCH.exception(
                        "trade " + tradeId + " was settled for another asset, buyer or terms");
            }
            return LedgerState.utf8(settled);
        }

        final Asset asset = state.asset(assetId);
        final TradeLock lock = asset.lock();
        if (lock == null) {
            throw ErrorCode.ASSET_NOT_LOCKED.exception("asset " + assetId + " is not locked for a trade");
        }
        if (!lock.tradeId().equals(tradeId)) {
            throw ErrorCode.TRADE_MISMATCH.exception(
                    "asset " + assetId + " is locked by trade " + lock.tradeId() + ", not " + tradeId);
        }
        if (!lock.buyerId().equals(buyerId) || !lock.termsHash().equals(termsHash)) {
            throw ErrorCode.TRADE_MISMATCH.exception(
                    "trade " + tradeId + " locked asset " + assetId + " for another buyer or other terms");
        }
        if (asset.status() == AssetStatus.FROZEN) {
            throw ErrorCode.ASSET_FROZEN.exception("asset " + assetId + " is frozen");
        }
        final Instant now = state.now();
        final BoardPolicy policy = state.policy();
        requireTradableWork(state, asset);
        checkCaps(state, policy, assetId, lock.sellerId(), buyerId, now);

        final Asset sold = asset.ownedBy(buyerId, AcquiredBy.TRADE, now, Asset.SETTLED, null, state.txId());
        writeOwnerChange(state, asset, sold, now);
        final Trade trade = new Trade(tradeId, assetId, lock.sellerId(), buyerId, termsHash, now, state.txId());
        final String json = trade.toJson().toString();
        state.put(tradeKey, json);
        state.emit("TradeSettled", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ReleaseAsset(final Context ctx, final String assetId, final String tradeId) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.OPERATE_BOARD);
        final LedgerState state = new LedgerState(ctx);
        Checks.assetId(assetId, "assetId");
        Checks.id(tradeId, "tradeId");

        final Asset asset = state.asset(assetId);
        if (asset.lock() == null) {
            return asset.toJson().toString();
        }
        if (!asset.lock().tradeId().equals(tradeId)) {
            throw ErrorCode.TRADE_MISMATCH.exception(
                    "asset " + assetId + " is locked by trade " + asset.lock().tradeId() + ", not " + tradeId);
        }
        final String json = asset.released(state.txId()).toJson().toString();
        state.put(state.key(Keys.ASSET, assetId), json);
        state.emit("AssetReleased", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String TransferAsset(final Context ctx, final String assetId, final String fromId, final String toId,
            final String reason) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.OPERATE_BOARD);
        final LedgerState state = new LedgerState(ctx);
        Checks.assetId(assetId, "assetId");
        Checks.id(fromId, "fromId");
        Checks.id(toId, "toId");
        Checks.reason(reason);
        if (fromId.equals(toId)) {
            throw ErrorCode.SELF_TRADE.exception("from and to are the same account " + fromId);
        }

        final Asset asset = state.asset(assetId);
        if (asset.status() == AssetStatus.FROZEN) {
            throw ErrorCode.ASSET_FROZEN.exception("asset " + assetId + " is frozen");
        }
        if (asset.lock() != null) {
            throw ErrorCode.ASSET_LOCKED.exception("asset " + assetId + " is locked by trade "
                    + asset.lock().tradeId());
        }
        if (!asset.ownerId().equals(fromId)) {
            throw ErrorCode.NOT_OWNER.exception(fromId + " does not own asset " + assetId);
        }
        final Instant now = state.now();
        checkTransferable(state, asset, fromId, toId, now);

        final Asset moved = asset.ownedBy(toId, AcquiredBy.TRANSFER, now, Asset.TRANSFERRED, reason, state.txId());
        final Json.Obj assetJson = writeOwnerChange(state, asset, moved, now);
        state.emit("AssetTransferred", Json.object()
                .put("assetId", assetId)
                .put("fromId", fromId)
                .put("toId", toId)
                .put("reason", reason)
                .put("asset", assetJson)
                .toString());
        return assetJson.toString();
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String FreezeAsset(final Context ctx, final String assetId, final String reason) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.OPERATE_BOARD);
        final LedgerState state = new LedgerState(ctx);
        Checks.assetId(assetId, "assetId");
        Checks.reason(reason);

        final Asset asset = state.asset(assetId);
        if (asset.status() == AssetStatus.FROZEN) {
            return asset.toJson().toString();
        }
        final String json = asset.frozen(reason, state.txId()).toJson().toString();
        state.put(state.key(Keys.ASSET, assetId), json);
        state.emit("AssetFrozen", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String UnfreezeAsset(final Context ctx, final String assetId) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.OPERATE_BOARD);
        final LedgerState state = new LedgerState(ctx);
        Checks.assetId(assetId, "assetId");

        final Asset asset = state.asset(assetId);
        if (asset.status() != AssetStatus.FROZEN) {
            return asset.toJson().toString();
        }
        final String json = asset.unfrozen(state.txId()).toJson().toString();
        state.put(state.key(Keys.ASSET, assetId), json);
        state.emit("AssetUnfrozen", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetTrade(final Context ctx, final String tradeId) {
        final LedgerState state = new LedgerState(ctx);
        Checks.id(tradeId, "tradeId");
        final byte[] json = state.get(state.key(Keys.TRADE, tradeId));
        if (json == null) {
            throw ErrorCode.TRADE_NOT_FOUND.exception("no settled trade with id " + tradeId);
        }
        return LedgerState.utf8(json);
    }

    // ---- rules ----------------------------------------------------------------------------------------------------

    /** The work, if it is ACTIVE and {@code ownerId} is one of its creators. */
    private static Work issuableWork(final LedgerState state, final String workId, final String ownerId) {
        final Work work = state.work(workId);
        if (work.status() != WorkStatus.ACTIVE) {
            throw ErrorCode.WORK_NOT_TRADABLE.exception(
                    "work " + workId + " is " + work.status() + "; assets can only be issued for an ACTIVE work");
        }
        if (!work.hasCreator(ownerId)) {
            throw ErrorCode.NOT_OWNER.exception(ownerId + " is not a creator of work " + workId);
        }
        return work;
    }

    private static void requireTradableWork(final LedgerState state, final Asset asset) {
        final Work work = state.work(asset.workId());
        if (work.status() != WorkStatus.ACTIVE) {
            throw ErrorCode.WORK_NOT_TRADABLE.exception(
                    "work " + work.id() + " is " + work.status() + "; its assets cannot change owner");
        }
    }

    /** Work status, holding period and daily caps, checked before a sale is locked and before a transfer. */
    private static void checkTransferable(final LedgerState state, final Asset asset, final String from,
            final String to, final Instant now) {
        requireTradableWork(state, asset);
        final BoardPolicy policy = state.policy();
        if (asset.acquiredBy() != AcquiredBy.ISSUE) {
            final Instant free = asset.acquiredAt().plusSeconds(policy.holdingPeriodSeconds());
            if (now.isBefore(free)) {
                throw ErrorCode.HOLDING_PERIOD.exception("asset " + asset.id() + " was acquired by "
                        + asset.acquiredBy() + " at " + asset.acquiredAt() + " and may not change owner before "
                        + free);
            }
        }
        checkCaps(state, policy, asset.id(), from, to, now);
    }

    private static void checkCaps(final LedgerState state, final BoardPolicy policy, final String assetId,
            final String from, final String to, final Instant now) {
        final String day = day(now);
        final long assetCount = count(state, Keys.SCOPE_ASSET, assetId, day);
        if (assetCount >= policy.dailyTransferCapPerAsset()) {
            throw ErrorCode.TRANSFER_CAP.exception("asset " + assetId + " already changed owner " + assetCount
                    + " time(s) on UTC day " + day + " (cap " + policy.dailyTransferCapPerAsset() + ")");
        }
        for (final String account : List.of(from, to)) {
            final long accountCount = count(state, Keys.SCOPE_ACCOUNT, account, day);
            if (accountCount >= policy.dailyTransferCapPerAccount()) {
                throw ErrorCode.TRANSFER_CAP.exception("account " + account + " already had " + accountCount
                        + " transfer(s) on UTC day " + day + " (cap " + policy.dailyTransferCapPerAccount() + ")");
            }
        }
    }

    private static String day(final Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).format(DAY);
    }

    private static long count(final LedgerState state, final String scope, final String id, final String day) {
        final byte[] value = state.get(state.key(Keys.TRANSFER_COUNT, scope, id, day));
        return value == null ? 0 : Long.parseLong(new String(value, StandardCharsets.UTF_8));
    }

    private static void increment(final LedgerState state, final String scope, final String id, final String day) {
        final long next = count(state, scope, id, day) + 1;
        state.put(state.key(Keys.TRANSFER_COUNT, scope, id, day), Long.toString(next));
    }

    /** Writes the asset under its new owner, moves the owner index and counts the transfer. */
    private static Json.Obj writeOwnerChange(final LedgerState state, final Asset before, final Asset after,
            final Instant now) {
        final Json.Obj json = after.toJson();
        state.put(state.key(Keys.ASSET, after.id()), json.toString());
        state.delete(state.key(Keys.OWNER_ASSET, before.ownerId(), before.id()));
        state.putIndex(state.key(Keys.OWNER_ASSET, after.ownerId(), after.id()));
        final String day = day(now);
        increment(state, Keys.SCOPE_ASSET, after.id(), day);
        increment(state, Keys.SCOPE_ACCOUNT, before.ownerId(), day);
        increment(state, Keys.SCOPE_ACCOUNT, after.ownerId(), day);
        return json;
    }

    private static void writeNew(final LedgerState state, final Asset asset) {
        state.put(state.key(Keys.ASSET, asset.id()), asset.toJson().toString());
        state.putIndex(state.key(Keys.OWNER_ASSET, asset.ownerId(), asset.id()));
        state.putIndex(state.key(Keys.WORK_ASSET, asset.workId(), asset.id()));
    }

    private static String assetsOf(final LedgerState state, final List<String> assetIds) {
        final List<Object> assets = new ArrayList<>(assetIds.size());
        for (final String id : assetIds) {
            final byte[] json = state.get(state.key(Keys.ASSET, id));
            if (json != null) {
                assets.add(Json.raw(LedgerState.utf8(json)));
            }
        }
        return Json.array(assets);
    }
}
