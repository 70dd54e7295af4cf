package io.dcx.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * The contract's view of the world state of one transaction: composite keys, typed loads, index scans and the
 * transaction's time and id. Reads see committed state only (Fabric never shows a transaction its own writes).
 */
final class LedgerState {
    static final byte[] INDEX_VALUE = {0};

    private final ChaincodeStub stub;

    LedgerState(final Context ctx) {
        this.stub = ctx.getStub();
    }

    /** The transaction timestamp from the proposal: the same on every endorser, never a client clock. */
    Instant now() {
        final Instant at = stub.getTxTimestamp();
        if (at == null) {
            throw new IllegalStateException("the transaction has no timestamp");
        }
        return at;
    }

    String txId() {
        return stub.getTxId();
    }

    String key(final String objectType, final String... attributes) {
        return stub.createCompositeKey(objectType, attributes).toString();
    }

    /** The value under the key, or null when there is none (Fabric answers an empty array for a missing key). */
    byte[] get(final String key) {
        final byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? null : value;
    }

    void put(final String key, final String json) {
        stub.putState(key, json.getBytes(StandardCharsets.UTF_8));
    }

    void putIndex(final String key) {
        stub.putState(key, INDEX_VALUE);
    }

    void delete(final String key) {
        stub.delState(key);
    }

    void emit(final String name, final String payloadJson) {
        stub.setEvent(name, payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The last attribute of every key under the partial key, in key order; for index keys that is the target id. */
    List<String> indexTargets(final String objectType, final String... attributes) {
        final List<String> targets = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(objectType, attributes)) {
            for (final KeyValue kv : results) {
                final CompositeKey key = stub.splitCompositeKey(kv.getKey());
                final List<String> attrs = key.getAttributes();
                targets.add(attrs.get(attrs.size() - 1));
            }
        }
        return targets;
    }

    /** One entry of a key's history. */
    record HistoryEntry(String txId, Instant timestamp, boolean deleted, byte[] value) {
    }

    /** Every write of the key, oldest first (peers differ in the order they return history, so it is sorted). */
    List<HistoryEntry> history(final String key) {
        final List<HistoryEntry> entries = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> results = stub.getHistoryForKey(key)) {
            for (final KeyModification m : results) {
                entries.add(new HistoryEntry(m.getTxId(), m.getTimestamp(), m.isDeleted(), m.getValue()));
            }
        }
        entries.sort(Comparator.comparing(HistoryEntry::timestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
        return entries;
    }

    /** History as the JSON array the Get*History transactions return. */
    String historyJson(final String key) {
        final List<Object> out = new ArrayList<>();
        for (final HistoryEntry e : history(key)) {
            final boolean hasValue = !e.deleted() && e.value() != null && e.value().length > 0;
            String action = "DELETED";
            if (hasValue) {
                action = Json.parseStored(e.value(), "history value").optionalString("lastAction", "UNKNOWN");
            }
            out.add(Json.object()
                    .put("txId", e.txId())
                    .put("timestamp", e.timestamp() == null ? null : e.timestamp().toString())
                    .put("deleted", e.deleted())
                    .put("action", action)
                    .put("value", hasValue ? Json.raw(new String(e.value(), StandardCharsets.UTF_8)) : null));
        }
        return Json.array(out);
    }

    // ---- typed loads -------------------------------------------------------------------------------------------

    Work work(final String id) {
        final byte[] json = get(key(Keys.WORK, id));
        if (json == null) {
            throw ErrorCode.WORK_NOT_FOUND.exception("no work with id " + id);
        }
        return Work.fromStored(json);
    }

    boolean workExists(final String id) {
        return get(key(Keys.WORK, id)) != null;
    }

    Asset asset(final String id) {
        final byte[] json = get(key(Keys.ASSET, id));
        if (json == null) {
            throw ErrorCode.ASSET_NOT_FOUND.exception("no asset with id " + id);
        }
        return Asset.fromStored(json);
    }

    BoardPolicy policy() {
        final byte[] json = get(key(Keys.POLICY));
        return json == null ? BoardPolicy.DEFAULTS : BoardPolicy.fromStored(json);
    }

    static String utf8(final byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
