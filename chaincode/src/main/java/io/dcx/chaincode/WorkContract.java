package io.dcx.chaincode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Namespace {@code works}: registration of works, their status, and licences.
 *
 * <p>Transactions (all arguments are strings; every answer is JSON text):
 * <ul>
 * <li>{@code works:RegisterWork(workJson)} SUBMIT: a {@link WorkRequest}; answers the stored {@link Work}; event
 *     {@code WorkRegistered} with the work.</li>
 * <li>{@code works:RegisterWorks(batchJson)} SUBMIT: {@code {"works":[up to 500 work requests]}}; answers
 *     {@code {"results":[{"id","ok":true,"work":{..}} | {"id","ok":false,"code","message"}]}} in input order;
 *     ({@code message} is the human detail, without the code); one failed item does not fail the others (a
 *     malformed batch, more than 500 items or a refused identity fail the whole transaction); one event {@code WorksRegistered} {@code {"works":[..]}} if any
 *     work was registered (Fabric keeps one event per transaction).</li>
 * <li>{@code works:GetWork(id)}, {@code works:FindWorkByContentHash(contentHash)} EVALUATE: the work.</li>
 * <li>{@code works:ListWorksByCreator(accountId)} EVALUATE: array of works, in work id order.</li>
 * <li>{@code works:GetWorkHistory(id)} EVALUATE: array of {@code {"txId","timestamp","deleted","action","value"}},
 *     oldest first; {@code action} is the stored record's {@code lastAction}, {@code value} the record.</li>
 * <li>{@code works:SetWorkStatus(id, status, reason)} SUBMIT: ACTIVE, DISPUTED, FROZEN or REVOKED (final);
 *     setting the current status again is a no-op; answers the work; event {@code WorkStatusChanged} with the
 *     work.</li>
 * <li>{@code works:GrantLicence(licenceJson)} SUBMIT: answers the {@link Licence}; event {@code LicenceGranted}.</li>
 * <li>{@code works:GetLicence(id)} EVALUATE: the licence; {@code works:ListLicences(workId)} EVALUATE: array of
 *     the work's licences in licence id order.</li>
 * </ul>
 *
 * <p>Keys written here (see {@link Keys}): {@code work(id)} -&gt; Work; {@code workHash(contentHash)} -&gt; work
 * id; {@code creatorWork(accountId, workId)} -&gt; 0x00 for every creator; {@code licence(id)} -&gt; Licence;
 * {@code workLicence(workId, licenceId)} -&gt; 0x00.
 *
 * <p>Access: see {@link AccessControl}. Refusals: see {@link ErrorCode}.
 */
@Contract(
        name = "works",
        info = @Info(
                title = "dcx works",
                description = "Copyright registry: works, their status and licences",
                version = "1.0.0",
                license = @License(name = "Apache-2.0")))
public final class WorkContract implements ContractInterface {
    static final int MAX_BATCH = 500;

    @Override
    public void unknownTransaction(final Context ctx) {
        throw ErrorCode.UNKNOWN_TRANSACTION.exception("contract works has no transaction " + ctx.getStub().getFunction());
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterWork(final Context ctx, final String workJson) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.REGISTER);
        final LedgerState state = new LedgerState(ctx);
        final WorkRequest request = WorkRequest.parse(Json.parseObject(workJson, "workJson"));
        final String json = register(state, request, new Batch()).toJson().toString();
        state.emit("WorkRegistered", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterWorks(final Context ctx, final String batchJson) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.REGISTER);
        final LedgerState state = new LedgerState(ctx);
        final List<Object> items = Json.parseObject(batchJson, "batchJson").array("works", 1, MAX_BATCH);

        final Batch batch = new Batch();
        final List<Object> results = new ArrayList<>(items.size());
        final List<Object> registered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String id = null;
            try {
                final Json.JsonFields item = Json.JsonFields.of(items.get(i), "works[" + i + "]");
                id = item.stringOrNull("id");
                final Json.Obj work = register(state, WorkRequest.parse(item), batch).toJson();
                registered.add(work);
                results.add(Json.object().put("id", id).put("ok", true).put("work", work));
            } catch (DcxChaincodeException refused) {
                results.add(Json.object()
                        .put("id", id)
                        .put("ok", false)
                        .put("code", refused.code().name())
                        .put("message", refused.detail()));
            }
        }
        if (!registered.isEmpty()) {
            state.emit("WorksRegistered", Json.object().put("works", registered).toString());
        }
        return Json.object().put("results", results).toString();
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetWork(final Context ctx, final String id) {
        final LedgerState state = new LedgerState(ctx);
        Checks.id(id, "id");
        final byte[] json = state.get(state.key(Keys.WORK, id));
        if (json == null) {
            throw ErrorCode.WORK_NOT_FOUND.exception("no work with id " + id);
        }
        return LedgerState.utf8(json);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String FindWorkByContentHash(final Context ctx, final String contentHash) {
        final LedgerState state = new LedgerState(ctx);
        Checks.sha256Hex(contentHash, "contentHash");
        final byte[] id = state.get(state.key(Keys.WORK_HASH, contentHash));
        if (id == null) {
            throw ErrorCode.WORK_NOT_FOUND.exception("no work with content hash " + contentHash);
        }
        return GetWork(ctx, LedgerState.utf8(id));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListWorksByCreator(final Context ctx, final String accountId) {
        final LedgerState state = new LedgerState(ctx);
        Checks.id(accountId, "accountId");
        final List<Object> works = new ArrayList<>();
        for (final String workId : state.indexTargets(Keys.CREATOR_WORK, accountId)) {
            final byte[] json = state.get(state.key(Keys.WORK, workId));
            if (json != null) {
                works.add(Json.raw(LedgerState.utf8(json)));
            }
        }
        return Json.array(works);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetWorkHistory(final Context ctx, final String id) {
        final LedgerState state = new LedgerState(ctx);
        Checks.id(id, "id");
        if (!state.workExists(id)) {
            throw ErrorCode.WORK_NOT_FOUND.exception("no work with id " + id);
        }
        return state.historyJson(state.key(Keys.WORK, id));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String SetWorkStatus(final Context ctx, final String id, final String status, final String reason) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.CHANGE_WORK_STATUS);
        final LedgerState state = new LedgerState(ctx);
        Checks.id(id, "id");
        final WorkStatus target = Checks.oneOf(WorkStatus.class, status, "status");
        Checks.reason(reason);

        final Work work = state.work(id);
        if (work.status() == target) {
            return work.toJson().toString();
        }
        if (work.status() == WorkStatus.REVOKED) {
            throw ErrorCode.WORK_REVOKED.exception("work " + id + " is revoked; revocation is final");
        }
        final Work changed = work.withStatus(target, reason, state.now(), state.txId());
        final String json = changed.toJson().toString();
        state.put(state.key(Keys.WORK, id), json);
        state.emit("WorkStatusChanged", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String GrantLicence(final Context ctx, final String licenceJson) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.REGISTER);
        final LedgerState state = new LedgerState(ctx);
        final Licence licence = Licence.fromRequest(
                Json.parseObject(licenceJson, "licenceJson"), state.now(), state.txId());

        final String licenceKey = state.key(Keys.LICENCE, licence.id());
        if (state.get(licenceKey) != null) {
            throw ErrorCode.LICENCE_EXISTS.exception("licence " + licence.id() + " already exists");
        }
        final Work work = state.work(licence.workId());
        if (work.status() != WorkStatus.ACTIVE) {
            throw ErrorCode.WORK_NOT_TRADABLE.exception(
                    "work " + work.id() + " is " + work.status() + " and cannot be licensed");
        }
        if (!work.hasCreator(licence.grantorId())) {
            throw ErrorCode.NOT_OWNER.exception(
                    "grantor " + licence.grantorId() + " is not a creator of work " + work.id());
        }
        for (final String otherId : state.indexTargets(Keys.WORK_LICENCE, work.id())) {
            final byte[] otherJson = state.get(state.key(Keys.LICENCE, otherId));
            if (otherJson == null) {
                continue;
            }
            final Licence other = Licence.fromStored(otherJson);
            if ((licence.scope().exclusive() || other.scope().exclusive()) && licence.overlaps(other)) {
                throw ErrorCode.LICENCE_CONFLICT.exception("licence " + licence.id() + " overlaps "
                        + (other.scope().exclusive() ? "exclusive " : "") + "licence " + other.id() + " ("
                        + other.validFrom() + " to " + other.validUntil() + ")");
            }
        }

        final String json = licence.toJson().toString();
        state.put(licenceKey, json);
        state.putIndex(state.key(Keys.WORK_LICENCE, work.id(), licence.id()));
        state.emit("LicenceGranted", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetLicence(final Context ctx, final String id) {
        final LedgerState state = new LedgerState(ctx);
        Checks.id(id, "id");
        final byte[] json = state.get(state.key(Keys.LICENCE, id));
        if (json == null) {
            throw ErrorCode.LICENCE_NOT_FOUND.exception("no licence with id " + id);
        }
        return LedgerState.utf8(json);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListLicences(final Context ctx, final String workId) {
        final LedgerState state = new LedgerState(ctx);
        Checks.id(workId, "workId");
        if (!state.workExists(workId)) {
            throw ErrorCode.WORK_NOT_FOUND.exception("no work with id " + workId);
        }
        final List<Object> licences = new ArrayList<>();
        for (final String licenceId : state.indexTargets(Keys.WORK_LICENCE, workId)) {
            final byte[] json = state.get(state.key(Keys.LICENCE, licenceId));
            if (json != null) {
                licences.add(Json.raw(LedgerState.utf8(json)));
            }
        }
        return Json.array(licences);
    }

    /**
     * Works registered earlier in this transaction. Fabric never shows a transaction its own writes, so a batch
     * must remember them itself to refuse a second use of an id or content hash, and to let later items name
     * earlier ones as parents.
     */
    private static final class Batch {
        private final Map<String, Work> byId = new HashMap<>();
        private final Map<String, String> idByHash = new HashMap<>();
    }

    /** Checks and writes one work; nothing is written unless every check passes. */
    private static Work register(final LedgerState state, final WorkRequest request, final Batch batch) {
        final String workKey = state.key(Keys.WORK, request.id());
        if (batch.byId.containsKey(request.id()) || state.get(workKey) != null) {
            throw ErrorCode.WORK_EXISTS.exception("a work with id " + request.id() + " already exists");
        }
        final String hashKey = state.key(Keys.WORK_HASH, request.contentHash());
        String existing = batch.idByHash.get(request.contentHash());
        if (existing == null) {
            final byte[] stored = state.get(hashKey);
            existing = stored == null ? null : LedgerState.utf8(stored);
        }
        if (existing != null) {
            throw ErrorCode.DUPLICATE_CONTENT_HASH.exception(
                    "content hash " + request.contentHash() + " is already registered as work " + existing);
        }
        for (final String parent : request.parents()) {
            if (!batch.byId.containsKey(parent) && !state.workExists(parent)) {
                throw ErrorCode.PARENT_NOT_FOUND.exception("parent work " + parent + " does not exist");
            }
        }

        final Work work = request.register(state.now(), state.txId());
        state.put(workKey, work.toJson().toString());
        state.put(hashKey, work.id());
        for (final Creator creator : work.creators()) {
            state.putIndex(state.key(Keys.CREATOR_WORK, creator.accountId(), work.id()));
        }
        batch.byId.put(work.id(), work);
        batch.idByHash.put(work.contentHash(), work.id());
        return work;
    }
}
