package io.dcx.chaincode;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} for one simulated transaction with Fabric's semantics where the contract can tell:
 * reads see committed state only (never this transaction's own writes); a missing key reads as an empty array;
 * writes go to a write set that the ledger applies only on commit; range queries run over committed keys in
 * UTF-8 byte order; one event per transaction (a second setEvent replaces the first); history comes newest first
 * (as some peers answer), so the contract has to sort it. Open iterators are counted so tests can check that the
 * contract closes every one.
 */
final class InMemoryStub implements ChaincodeStub {
    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    private final InMemoryLedger ledger;
    private final List<byte[]> args;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private final AtomicInteger openIterators = new AtomicInteger();
    private ChaincodeEvent event;
    private int eventsSet;

    InMemoryStub(final InMemoryLedger ledger, final String txId, final Instant timestamp, final byte[] creator,
            final List<String> args) {
        this.ledger = ledger;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator.clone();
        final List<byte[]> bytes = new ArrayList<>();
        args.forEach(a -> bytes.add(a.getBytes(StandardCharsets.UTF_8)));
        this.args = Collections.unmodifiableList(bytes);
    }

    /** The write set (null value = delete), in the order written. */
    Map<String, byte[]> writes() {
        return Collections.unmodifiableMap(writes);
    }

    int openIterators() {
        return openIterators.get();
    }

    int eventsSet() {
        return eventsSet;
    }

    @Override
    public List<byte[]> getArgs() {
        return args;
    }

    @Override
    public List<String> getStringArgs() {
        final List<String> strings = new ArrayList<>();
        args.forEach(a -> strings.add(new String(a, StandardCharsets.UTF_8)));
        return strings;
    }

    @Override
    public String getFunction() {
        return getStringArgs().isEmpty() ? null : getStringArgs().get(0);
    }

    @Override
    public List<String> getParameters() {
        return getStringArgs().stream().skip(1).toList();
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return "dcx";
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public String getMspId() {
        return "ExchangeMSP";
    }

    @Override
    public byte[] getState(final String key) {
        final byte[] v = ledger.get(key);
        return v == null ? new byte[0] : v;
    }

    @Override
    public void putState(final String key, final byte[] value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("Fabric treats an empty value as a delete; use delState for " + key);
        }
        writes.put(key, value.clone());
    }

    @Override
    public void delState(final String key) {
        writes.put(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        CompositeKey.validateSimpleKeys(startKey, endKey);
        return rangeIterator(startKey == null || startKey.isEmpty() ? "\u0001" : startKey,
                endKey == null || endKey.isEmpty() ? MAX_UNICODE_RUNE : endKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        final CompositeKey key = compositeKey.startsWith(CompositeKey.NAMESPACE)
                ? CompositeKey.parseCompositeKey(compositeKey)
                : new CompositeKey(compositeKey);
        return getStateByPartialCompositeKey(key);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String objectType,
            final String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey compositeKey) {
        final String prefix = compositeKey.toString();
        return rangeIterator(prefix, prefix + MAX_UNICODE_RUNE);
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        final List<KeyModification> newestFirst = new ArrayList<>(ledger.history(key));
        Collections.reverse(newestFirst);
        return new CountingIterator<>(newestFirst);
    }

    @Override
    public void setEvent(final String name, final byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        eventsSet++;
        final ChaincodeEvent.Builder b = ChaincodeEvent.newBuilder().setEventName(name).setTxId(txId);
        if (payload != null) {
            b.setPayload(ByteString.copyFrom(payload));
        }
        event = b.build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    private QueryResultsIterator<KeyValue> rangeIterator(final String start, final String end) {
        final List<KeyValue> rows = new ArrayList<>();
        ledger.range(start, end).forEach((k, v) -> rows.add(new Row(k, v)));
        return new CountingIterator<>(rows);
    }

    private record Row(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private final class CountingIterator<T> implements QueryResultsIterator<T> {
        private final List<T> rows;
        private boolean closed;

        CountingIterator(final List<T> rows) {
            this.rows = rows;
            openIterators.incrementAndGet();
        }

        @Override
        public Iterator<T> iterator() {
            if (closed) {
                throw new IllegalStateException("iterator already closed");
            }
            return rows.iterator();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                openIterators.decrementAndGet();
            }
        }
    }

    // ---- not used by the dcx contract -----------------------------------------------------------------------------

    @Override
    public Chaincode.Response invokeChaincode(final String chaincodeName, final List<byte[]> a, final String channel) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(final String startKey,
            final String endKey, final int pageSize, final String bookmark) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey compositeKey, final int pageSize, final String bookmark) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw new UnsupportedOperationException("no rich queries: the contract must work on LevelDB");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(final String query,
            final int pageSize, final String bookmark) {
        throw new UnsupportedOperationException("no rich queries: the contract must work on LevelDB");
    }

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key, final byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delPrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void purgePrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(final String collection, final String startKey,
            final String endKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String compositeKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final CompositeKey compositeKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String objectType, final String... attributes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public byte[] getBinding() {
        throw new UnsupportedOperationException();
    }
}
