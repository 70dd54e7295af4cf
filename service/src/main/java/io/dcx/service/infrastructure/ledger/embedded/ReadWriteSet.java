package io.dcx.service.infrastructure.ledger.embedded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a simulation read and wrote, as Fabric's read-write set: the version of every key read (first read wins,
 * {@code null} for a key that did not exist), every range query with the keys and versions it returned, and the
 * writes in key order (last write of a key wins; a {@code null} value is a delete).
 */
final class ReadWriteSet {
    private final Map<String, Version> reads = new HashMap<>();
    private final List<RangeRead> rangeReads = new ArrayList<>();
    private final NavigableMap<String, byte[]> writes = new TreeMap<>(Keys.ORDER);

    /** One range query. If the contract stopped early, {@code end} is the last key it read and is inclusive. */
    record RangeRead(String start, String end, boolean exhausted, List<KeyVersion> results) {
        boolean endInclusive() {
            return !exhausted;
        }
    }

    record KeyVersion(String key, Version version) {
    }

    void recordRead(String key, Version version) {
        if (!reads.containsKey(key)) {
            reads.put(key, version);
        }
    }

    void recordRange(RangeRead range) {
        rangeReads.add(range);
    }

    void write(String key, byte[] valueOrNullForDelete) {
        writes.put(key, valueOrNullForDelete);
    }

    Map<String, Version> reads() {
        return Collections.unmodifiableMap(reads);
    }

    List<RangeRead> rangeReads() {
        return Collections.unmodifiableList(rangeReads);
    }

    /** The writes in LevelDB key order. */
    NavigableMap<String, byte[]> writes() {
        return Collections.unmodifiableNavigableMap(writes);
    }

    boolean hasWrites() {
        return !writes.isEmpty();
    }
}
