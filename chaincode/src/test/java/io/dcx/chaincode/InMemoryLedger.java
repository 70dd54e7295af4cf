package io.dcx.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ledger.KeyModification;

/**
 * Committed world state, key history and events of a test channel. Keys are ordered by their UTF-8 bytes, as in
 * Fabric's state databases. State changes only through {@link #commit}, which applies one transaction's write set.
 */
final class InMemoryLedger {
    static final Comparator<String> BYTE_ORDER = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final NavigableMap<String, byte[]> state = new TreeMap<>(BYTE_ORDER);
    private final Map<String, List<Modification>> history = new HashMap<>();
    private final List<CommittedEvent> events = new ArrayList<>();

    /** One write of a key, as getHistoryForKey reports it. */
    record Modification(String txIdValue, Instant timestampValue, byte[] valueBytes, boolean deletedFlag)
            implements KeyModification {
        @Override
        public String getTxId() {
            return txIdValue;
        }

        @Override
        public byte[] getValue() {
            return valueBytes == null ? new byte[0] : valueBytes.clone();
        }

        @Override
        public String getStringValue() {
            return new String(getValue(), StandardCharsets.UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return timestampValue;
        }

        @Override
        public boolean isDeleted() {
            return deletedFlag;
        }
    }

    record CommittedEvent(String txId, String name, String payload) {
    }

    synchronized byte[] get(final String key) {
        final byte[] v = state.get(key);
        return v == null ? null : v.clone();
    }

    /** A copy of the keys in {@code [start, end)}, in byte order. */
    synchronized NavigableMap<String, byte[]> range(final String start, final String end) {
        final NavigableMap<String, byte[]> copy = new TreeMap<>(BYTE_ORDER);
        copy.putAll(state.subMap(start, true, end, false));
        return copy;
    }

    /** The writes of a key, oldest first. */
    synchronized List<Modification> history(final String key) {
        return List.copyOf(history.getOrDefault(key, List.of()));
    }

    synchronized NavigableMap<String, byte[]> snapshot() {
        final NavigableMap<String, byte[]> copy = new TreeMap<>(BYTE_ORDER);
        copy.putAll(state);
        return Collections.unmodifiableNavigableMap(copy);
    }

    synchronized List<CommittedEvent> events() {
        return List.copyOf(events);
    }

    /** Applies the write set of a valid transaction (a null value deletes the key) and records its event. */
    synchronized void commit(final String txId, final Instant timestamp, final Map<String, byte[]> writes,
            final String eventName, final byte[] eventPayload) {
        for (final Map.Entry<String, byte[]> w : writes.entrySet()) {
            final boolean delete = w.getValue() == null;
            if (delete) {
                state.remove(w.getKey());
            } else {
                state.put(w.getKey(), w.getValue().clone());
            }
            history.computeIfAbsent(w.getKey(), k -> new ArrayList<>())
                    .add(new Modification(txId, timestamp, delete ? null : w.getValue().clone(), delete));
        }
        if (eventName != null) {
            events.add(new CommittedEvent(txId, eventName,
                    eventPayload == null ? "" : new String(eventPayload, StandardCharsets.UTF_8)));
        }
    }
}
