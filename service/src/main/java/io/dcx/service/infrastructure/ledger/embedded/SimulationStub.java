package io.dcx.service.infrastructure.ledger.embedded;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} that simulates one transaction against committed state in PostgreSQL, with Fabric's
 * simulation semantics:
 *
 * <ul>
 *   <li>reads see committed state only, never this transaction's own writes, and come from one database snapshot
 *       (Fabric holds a read lock on the state database for the whole simulation, to the same effect);</li>
 *   <li>every key read is recorded with its version, every range query with the keys and versions the contract
 *       consumed, for MVCC and phantom validation at commit;</li>
 *   <li>putState and delState go to the write set (an empty value is a delete, as in Fabric's rwset);</li>
 *   <li>a missing key reads as an empty array, as the Fabric shim answers;</li>
 *   <li>one event per transaction, the last setEvent wins;</li>
 *   <li>as on a Fabric peer with LevelDB: paginated queries only in transactions that do not write, no rich
 *       queries, and here also no private data and no chaincode-to-chaincode calls.</li>
 * </ul>
 *
 * <p>The stub is used by one thread, the caller's, for the length of one simulation. Failures of the database are
 * remembered, because the shim's router turns any exception of the contract into a bare "Unexpected error"; the
 * ledger looks here afterwards to report them as what they are.
 */
final class SimulationStub implements ChaincodeStub {
    private static final int PAGE = 200;
    private static final HexFormat HEX = HexFormat.of();

    private final Connection connection;
    private final LedgerStore store;
    private final String channel;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final String mspId;
    private final byte[] binding;
    private final List<byte[]> args;
    private final ReadWriteSet rwSet = new ReadWriteSet();
    private final List<RangeIterator> openRanges = new ArrayList<>();
    private ChaincodeEvent event;
    private boolean paginatedQueryDone;
    private boolean finished;
    private RuntimeException failure;

    SimulationStub(Connection connection, LedgerStore store, String channel, byte[] creator, String mspId,
                   Instant timestamp, List<byte[]> args, byte[] nonce) {
        this.connection = connection;
        this.store = store;
        this.channel = channel;
        this.creator = creator;
        this.mspId = mspId;
        this.timestamp = timestamp;
        this.args = args.stream().map(byte[]::clone).toList();
        // Fabric: txId = hex(SHA-256(nonce | creator)); binding = SHA-256(nonce | creator | epoch as 8 LE bytes).
        MessageDigest digest = BlockHasher.sha256();
        digest.update(nonce);
        digest.update(creator);
        this.txId = HEX.formatHex(digest.digest());
        digest.update(nonce);
        digest.update(creator);
        digest.update(new byte[Long.BYTES]);
        this.binding = digest.digest();
    }

    // ---------------------------------------------------------------- what the ledger reads afterwards

    /** Ends the simulation: records the ranges still open and makes the stub unusable. */
    ReadWriteSet finish() {
        for (RangeIterator range : List.copyOf(openRanges)) {
            range.close();
        }
        finished = true;
        return rwSet;
    }

    ChaincodeEvent event() {
        return event;
    }

    /** The first failure of the ledger itself (not of the contract) during the simulation, if any. */
    RuntimeException failure() {
        return failure;
    }

    // ---------------------------------------------------------------- arguments and transaction facts

    @Override
    public List<byte[]> getArgs() {
        return args.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<String> getStringArgs() {
        return args.stream().map(a -> new String(a, StandardCharsets.UTF_8)).toList();
    }

    @Override
    public String getFunction() {
        return args.isEmpty() ? null : new String(args.get(0), StandardCharsets.UTF_8);
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
        return channel;
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    /** The MSP of the simulating peer: on the embedded ledger, the peer of the caller's own organisation. */
    @Override
    public String getMspId() {
        return mspId;
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Collections.emptyMap();
    }

    @Override
    public byte[] getBinding() {
        return binding.clone();
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unsupported("getSignedProposal", "the embedded ledger has no signed proposals; use getCreator,"
                + " getTxId and getTxTimestamp");
    }

    // ---------------------------------------------------------------- state

    @Override
    public byte[] getState(String key) {
        checkOpen();
        LedgerStore.Versioned committed = read(() -> store.state(connection, key));
        rwSet.recordRead(key, committed == null ? null : committed.version());
        return committed == null ? new byte[0] : committed.value();
    }

    @Override
    public void putState(String key, byte[] value) {
        checkOpen();
        validateKey(key);
        if (value == null) {
            throw new NullPointerException("value cannot be null");
        }
        checkWriteAllowed();
        // Fabric's rwset builder treats a write of an empty value as a delete.
        rwSet.write(key, value.length == 0 ? null : value.clone());
    }

    @Override
    public void delState(String key) {
        checkOpen();
        validateKey(key);
        checkWriteAllowed();
        rwSet.write(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        checkOpen();
        String start = startKey == null || startKey.isEmpty() ? Keys.UNSPECIFIED_START_KEY : startKey;
        String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return openRange(start, end);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        CompositeKey key = compositeKey.startsWith(CompositeKey.NAMESPACE)
                ? CompositeKey.parseCompositeKey(compositeKey)
                : new CompositeKey(compositeKey);
        return getStateByPartialCompositeKey(key);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        checkOpen();
        String prefix = compositeKey == null
                ? new CompositeKey(Keys.UNSPECIFIED_START_KEY).toString()
                : compositeKey.toString();
        return openRange(prefix, prefix + Keys.MAX_UNICODE_RUNE);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            String startKey, String endKey, int pageSize, String bookmark) {
        checkOpen();
        String start = startKey == null || startKey.isEmpty() ? Keys.UNSPECIFIED_START_KEY : startKey;
        String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return page(start, end, pageSize, bookmark);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        checkOpen();
        String prefix = compositeKey == null
                ? new CompositeKey(Keys.UNSPECIFIED_START_KEY).toString()
                : compositeKey.toString();
        return page(prefix, prefix + Keys.MAX_UNICODE_RUNE, pageSize, bookmark);
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        checkOpen();
        List<LedgerStore.HistoryRow> rows = read(() -> store.history(connection, key));
        List<KeyModification> modifications = rows.stream().<KeyModification>map(Modification::new).toList();
        return new ListIterator<>(modifications);
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        checkOpen();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        ChaincodeEvent.Builder builder = ChaincodeEvent.newBuilder().setEventName(name).setTxId(txId);
        if (payload != null) {
            builder.setPayload(ByteString.copyFrom(payload));
        }
        event = builder.build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    // ---------------------------------------------------------------- not supported

    @Override
    public byte[] getStateValidationParameter(String key) {
        // No key-level endorsement policies on the embedded ledger, so no key has one.
        checkOpen();
        return null;
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw unsupported("setStateValidationParameter", "key-level endorsement policies are not modelled");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unsupported("getQueryResult", "rich queries need CouchDB; dcx keeps Fabric's LevelDB semantics");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            String query, int pageSize, String bookmark) {
        throw unsupported("getQueryResultWithPagination",
                "rich queries need CouchDB; dcx keeps Fabric's LevelDB semantics");
    }

    @Override
    public Chaincode.Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw unsupported("invokeChaincode", "the embedded ledger runs one chaincode; call the contract directly");
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw privateData("getPrivateData");
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw privateData("getPrivateDataHash");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw privateData("getPrivateDataValidationParameter");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw privateData("putPrivateData");
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw privateData("setPrivateDataValidationParameter");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw privateData("delPrivateData");
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw privateData("purgePrivateData");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw privateData("getPrivateDataByRange");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw privateData("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, CompositeKey compositeKey) {
        throw privateData("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, String objectType, String... attributes) {
        throw privateData("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw privateData("getPrivateDataQueryResult");
    }

    // ---------------------------------------------------------------- internals

    @FunctionalInterface
    private interface Read<T> {
        T run() throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try {
            return read.run();
        } catch (SQLException e) {
            throw remember(new StateAccessException("the embedded ledger's state could not be read", e));
        }
    }

    private RuntimeException remember(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    private UnsupportedOperationException unsupported(String method, String why) {
        UnsupportedOperationException e = new UnsupportedOperationException(
                "ChaincodeStub." + method + " is not supported by the embedded ledger: " + why);
        remember(e);
        return e;
    }

    private UnsupportedOperationException privateData(String method) {
        return unsupported(method, "dcx has no private data collections");
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the simulation of transaction " + txId + " is over; the stub and its"
                    + " iterators cannot be used after the contract returned");
        }
    }

    private void checkWriteAllowed() {
        if (paginatedQueryDone) {
            throw remember(new IllegalStateException(
                    "txSimulator does not support write after paginated queries (as Fabric)"));
        }
    }

    private static void validateKey(String key) {
        if (key == null) {
            throw new NullPointerException("key cannot be null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key cannot not be an empty string");
        }
    }

    private RangeIterator openRange(String start, String end) {
        RangeIterator iterator = new RangeIterator(start, end);
        openRanges.add(iterator);
        return iterator;
    }

    private QueryResultsIteratorWithMetadata<KeyValue> page(String start, String end, int pageSize, String bookmark) {
        if (rwSet.hasWrites()) {
            throw remember(new IllegalStateException("txSimulator does not support paginated queries after"
                    + " writes (as Fabric)"));
        }
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        paginatedQueryDone = true;
        String from = bookmark == null || bookmark.isEmpty() ? start : bookmark;
        List<LedgerStore.StateRow> rows = read(() -> store.range(connection, from, false, end, false,
                pageSize + 1, true));
        boolean more = rows.size() > pageSize;
        List<LedgerStore.StateRow> pageRows = more ? rows.subList(0, pageSize) : rows;
        List<ReadWriteSet.KeyVersion> reads = pageRows.stream()
                .map(r -> new ReadWriteSet.KeyVersion(r.key(), r.version())).toList();
        if (more) {
            rwSet.recordRange(new ReadWriteSet.RangeRead(from, pageRows.isEmpty() ? from
                    : pageRows.get(pageRows.size() - 1).key(), false, reads));
        } else {
            rwSet.recordRange(new ReadWriteSet.RangeRead(from, end, true, reads));
        }
        QueryResponseMetadata metadata = QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(pageRows.size())
                .setBookmark(more ? rows.get(pageSize).key() : "")
                .build();
        List<KeyValue> values = pageRows.stream().<KeyValue>map(r -> new Entry(r.key(), r.value())).toList();
        return new PageIterator(values, metadata);
    }

    /** A lazily paged range over committed state that records what the contract consumed. */
    private final class RangeIterator implements QueryResultsIterator<KeyValue>, Iterator<KeyValue> {
        private final String start;
        private final String end;
        private final List<ReadWriteSet.KeyVersion> consumed = new ArrayList<>();
        private List<LedgerStore.StateRow> page = List.of();
        private int position;
        private boolean lastPage;
        private boolean exhausted;
        private boolean closed;

        RangeIterator(String start, String end) {
            this.start = start;
            this.end = end;
        }

        @Override
        public Iterator<KeyValue> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            if (closed || exhausted) {
                return false;
            }
            checkOpen();
            if (position < page.size()) {
                return true;
            }
            if (lastPage && position >= page.size()) {
                exhausted = true;
                return false;
            }
            String after = page.isEmpty() ? null : page.get(page.size() - 1).key();
            page = read(() -> after == null
                    ? store.range(connection, start, false, end, false, PAGE, true)
                    : store.range(connection, after, true, end, false, PAGE, true));
            position = 0;
            lastPage = page.size() < PAGE;
            if (page.isEmpty()) {
                exhausted = true;
                return false;
            }
            return true;
        }

        @Override
        public KeyValue next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LedgerStore.StateRow row = page.get(position++);
            consumed.add(new ReadWriteSet.KeyVersion(row.key(), row.version()));
            return new Entry(row.key(), row.value());
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            openRanges.remove(this);
            if (exhausted) {
                rwSet.recordRange(new ReadWriteSet.RangeRead(start, end, true, List.copyOf(consumed)));
            } else if (!consumed.isEmpty()) {
                // Stopped early: only the part up to the last key read matters (Fabric sets endKey to it).
                rwSet.recordRange(new ReadWriteSet.RangeRead(start, consumed.get(consumed.size() - 1).key(), false,
                        List.copyOf(consumed)));
            }
        }
    }

    private final class PageIterator implements QueryResultsIteratorWithMetadata<KeyValue> {
        private final List<KeyValue> values;
        private final QueryResponseMetadata metadata;

        PageIterator(List<KeyValue> values, QueryResponseMetadata metadata) {
            this.values = values;
            this.metadata = metadata;
        }

        @Override
        public QueryResponseMetadata getMetadata() {
            return metadata;
        }

        @Override
        public Iterator<KeyValue> iterator() {
            return values.iterator();
        }

        @Override
        public void close() {
            // Nothing to release: the page was read in full.
        }
    }

    private static final class ListIterator<T> implements QueryResultsIterator<T> {
        private final List<T> values;

        ListIterator(List<T> values) {
            this.values = values;
        }

        @Override
        public Iterator<T> iterator() {
            return values.iterator();
        }

        @Override
        public void close() {
            // Nothing to release: the results were read in full.
        }
    }

    private record Entry(String key, byte[] value) implements KeyValue {
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

    private record Modification(LedgerStore.HistoryRow row) implements KeyModification {
        @Override
        public String getTxId() {
            return row.txId();
        }

        @Override
        public byte[] getValue() {
            return row.value() == null ? new byte[0] : row.value().clone();
        }

        @Override
        public String getStringValue() {
            return row.value() == null ? "" : new String(row.value(), StandardCharsets.UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return row.timestamp();
        }

        @Override
        public boolean isDeleted() {
            return row.deleted();
        }
    }
}
