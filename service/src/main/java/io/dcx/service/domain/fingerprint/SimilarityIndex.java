package io.dcx.service.domain.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory index of work fingerprints answering "which works are within Hamming distance d of this
 * fingerprint?" without scanning all of them. Thread-safe: lookups run in parallel, changes are exclusive.
 *
 * <h2>Structure: multi-index hashing</h2>
 * Each fingerprint is cut into m = {@value #DEFAULT_CHUNKS} chunks: chunk c holds the bits at positions
 * {@code i % m == c} (13, 13, 13, 13 and 12 bits), so each chunk samples the whole fingerprint rather than one region
 * of it. For every kind ({@link FingerprintKind}) and chunk there is a table with one bucket per chunk value (8,192
 * or 4,096); a bucket holds the full 64-bit fingerprints of the works whose chunk has that value (a primitive
 * {@code long[]}, scanned sequentially) and their entry numbers ({@code int[]}). A lookup with distance
 * {@code d = m r + a} ({@code 0 <= a < m}) probes, in chunk tables 0..a (the narrowest first), every bucket whose
 * value is within distance {@code r} of the query's chunk, and in the other tables every bucket within
 * {@code r - 1} (none when {@code r = 0}); each fingerprint found is compared on all 64 bits.
 *
 * <h2>Guarantee: exact</h2>
 * The answer contains every indexed fingerprint of the query's kind within {@code maxDistance} and nothing else, for
 * every {@code maxDistance} from 0 to {@link #MAX_DISTANCE}; larger distances are refused. Proof (the pigeonhole
 * principle in the refined form of Norouzi, Punjani and Fleet, "Fast Exact Search in Hamming Space with Multi-Index
 * Hashing", 2014): the chunks partition the 64 bits, so the chunk distances sum to the full distance. If no chunk
 * 0..a were within r and no other chunk within r - 1, the sum would be at least
 * {@code (a + 1)(r + 1) + (m - a - 1) r = m r + a + 1 > d}. So every match lies in a probed bucket, and the full
 * comparison drops the rest. A match seen in several probed buckets is reported once: only from the first chunk
 * table (in probing order) whose probe covers it.
 *
 * <h2>Cost, and why five chunks</h2>
 * Buckets probed per lookup: 135 at d = 10, 291 at d = 12, 447 at d = 14, 953 at d = 16; fingerprints compared:
 * about 2.6%, 4.5%, 6.4% and 15% of the indexed ones (a scan compares all). Four 16-bit chunks compare fewer
 * fingerprints (0.7%, 1.7%, 3.4%, 7.0%) but probe many more buckets (428, 1,108, 2,228, 4,608), each a likely cache
 * miss; measured at 1M fingerprints, five chunks were faster at d = 14 and 16 and the same at d = 10; six were no
 * faster and take more memory (bench/results/similarity-index.md). Probed buckets are scanned eight at a time, side
 * by side, so that their cache misses overlap.
 * Memory per entry: {@value #DEFAULT_CHUNKS} x (8 + 4) bytes in the chunk tables plus array growth slack, 8 + 4 + 4
 * bytes of entry arrays, about 8 bytes in the id table, and the work id string the index keeps.
 */
public final class SimilarityIndex {
    /** The largest {@code maxDistance} a lookup accepts (the guarantee holds up to here). */
    public static final int MAX_DISTANCE = 16;
    /** Chunks per fingerprint when none is asked for; chosen by measurement (see the class comment). */
    static final int DEFAULT_CHUNKS = 5;

    /** The chunkings by chunk count, built when first used (their probe lists are shared by every index). */
    private static final Chunking[] CHUNKINGS = new Chunking[9];

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<FingerprintKind, ChunkTables> tables = new EnumMap<>(FingerprintKind.class);
    private final Entries entries = new Entries();
    private final Chunking chunking;

    /** An empty index with the default chunking. */
    public SimilarityIndex() {
        this(DEFAULT_CHUNKS);
    }

    /** An empty index splitting fingerprints into {@code chunks} chunks (4..8): for measurements and tests. */
    SimilarityIndex(int chunks) {
        if (chunks < 4 || chunks > 8) {
            throw new IllegalArgumentException("4..8 chunks (at most 16 bits each)");
        }
        this.chunking = chunking(chunks);
    }

    private static Chunking chunking(int chunks) {
        synchronized (CHUNKINGS) {
            if (CHUNKINGS[chunks] == null) {
                CHUNKINGS[chunks] = new Chunking(chunks);
            }
            return CHUNKINGS[chunks];
        }
    }

    /**
     * Adds a work's fingerprint, replacing the work's previous fingerprint if it had one.
     *
     * @throws NullPointerException if an argument is null
     */
    public void add(String workId, Fingerprint fingerprint) {
        Objects.requireNonNull(workId, "workId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        lock.writeLock().lock();
        try {
            int existing = entries.find(workId);
            if (existing >= 0) {
                if (entries.kinds[existing] == fingerprint.kind() && entries.bits[existing] == fingerprint.bits()) {
                    return;
                }
                removeSlot(existing);
            }
            int slot = entries.insert(workId, fingerprint);
            tables.computeIfAbsent(fingerprint.kind(), k -> new ChunkTables(chunking)).add(slot, fingerprint.bits());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a work; nothing happens if it is not indexed. */
    public void remove(String workId) {
        Objects.requireNonNull(workId, "workId");
        lock.writeLock().lock();
        try {
            int slot = entries.find(workId);
            if (slot >= 0) {
                removeSlot(slot);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeSlot(int slot) {
        tables.get(entries.kinds[slot]).remove(slot, entries.bits[slot]);
        entries.delete(slot);
    }

    /** The fingerprint indexed for a work, if any. */
    public Optional<Fingerprint> get(String workId) {
        Objects.requireNonNull(workId, "workId");
        lock.readLock().lock();
        try {
            int slot = entries.find(workId);
            return slot < 0 ? Optional.empty() : Optional.of(new Fingerprint(entries.kinds[slot], entries.bits[slot]));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The works whose fingerprint has the query's kind and is within {@code maxDistance} of it, closest first
     * (ties by work id), at most {@code limit} of them. Exact: see the class comment.
     *
     * @throws IllegalArgumentException if {@code maxDistance} is outside 0..{@link #MAX_DISTANCE} or limit is negative
     */
    public List<SimilarMatch> near(Fingerprint query, int maxDistance, int limit) {
        Objects.requireNonNull(query, "query");
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("maxDistance must be 0.." + MAX_DISTANCE + ", was " + maxDistance);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            ChunkTables table = tables.get(query.kind());
            if (table == null) {
                return List.of();
            }
            Hits hits = new Hits();
            table.search(query.bits(), maxDistance, hits);
            return hits.toMatches(entries, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of indexed works (of all kinds). */
    public int size() {
        lock.readLock().lock();
        try {
            return entries.size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * How fingerprints are cut: chunk c takes the bits at positions {@code i % m == c}, packed with
     * {@link Long#compress}; chunks are kept narrowest first, so the larger probe radius goes to narrower chunks.
     */
    static final class Chunking {
        final int count;
        final long[] masks;
        final int[] widths;
        /** {@code probes[c][r]}: every mask of chunk c's width with at most r bits set, fewest bits first. */
        final int[][][] probes;

        Chunking(int count) {
            this.count = count;
            Integer[] order = new Integer[count];
            for (int c = 0; c < count; c++) {
                order[c] = c;
            }
            // Chunk c has ceil((64 - c) / count) bits: the last ones are the narrowest.
            Arrays.sort(order, Comparator.comparingInt((Integer c) -> (64 - c + count - 1) / count)
                    .thenComparingInt(c -> c));
            masks = new long[count];
            widths = new int[count];
            probes = new int[count][][];
            int maxRadius = MAX_DISTANCE / count;
            for (int k = 0; k < count; k++) {
                long mask = 0;
                for (int i = order[k]; i < 64; i += count) {
                    mask |= 1L << i;
                }
                masks[k] = mask;
                widths[k] = Long.bitCount(mask);
                probes[k] = probeMasks(widths[k], maxRadius);
            }
        }

        int chunk(long bits, int c) {
            return (int) Long.compress(bits, masks[c]);
        }

        /** Probe radius per chunk for distance d = m r + a: r for chunks 0..a, r - 1 (-1: none) for the rest. */
        int[] radii(int d) {
            int r = d / count;
            int a = d % count;
            int[] radii = new int[count];
            for (int c = 0; c < count; c++) {
                radii[c] = c <= a ? r : r - 1;
            }
            return radii;
        }

        private static int[][] probeMasks(int width, int maxRadius) {
            int[][] byRadius = new int[maxRadius + 1][];
            for (int r = 0; r <= maxRadius; r++) {
                int size = 0;
                for (int m = 0; m < 1 << width; m++) {
                    size += Integer.bitCount(m) <= r ? 1 : 0;
                }
                int[] masks = new int[size];
                int n = 0;
                for (int bits = 0; bits <= r; bits++) {
                    for (int m = 0; m < 1 << width; m++) {
                        if (Integer.bitCount(m) == bits) {
                            masks[n++] = m;
                        }
                    }
                }
                byRadius[r] = masks;
            }
            return byRadius;
        }
    }

    /** One table per chunk of one fingerprint kind; bucket = chunk value. */
    private static final class ChunkTables {
        /** Buckets scanned side by side (see search): 8 measured faster than 4 or 16 at 1M fingerprints. */
        private static final int GROUP = 8;
        private final Chunking chunking;
        private final int[][] counts;
        private final long[][][] bits;
        private final int[][][] slots;

        ChunkTables(Chunking chunking) {
            this.chunking = chunking;
            int m = chunking.count;
            counts = new int[m][];
            bits = new long[m][][];
            slots = new int[m][][];
            for (int c = 0; c < m; c++) {
                int values = 1 << chunking.widths[c];
                counts[c] = new int[values];
                bits[c] = new long[values][];
                slots[c] = new int[values][];
            }
        }

        void add(int slot, long fingerprint) {
            for (int c = 0; c < chunking.count; c++) {
                int key = chunking.chunk(fingerprint, c);
                int n = counts[c][key];
                long[] b = bits[c][key];
                if (b == null || n == b.length) {
                    int capacity = b == null ? 2 : n + (n >> 1) + 1;
                    bits[c][key] = b = b == null ? new long[capacity] : Arrays.copyOf(b, capacity);
                    slots[c][key] = slots[c][key] == null ? new int[capacity] : Arrays.copyOf(slots[c][key], capacity);
                }
                b[n] = fingerprint;
                slots[c][key][n] = slot;
                counts[c][key] = n + 1;
            }
        }

        void remove(int slot, long fingerprint) {
            for (int c = 0; c < chunking.count; c++) {
                int key = chunking.chunk(fingerprint, c);
                int n = counts[c][key];
                int[] s = slots[c][key];
                for (int k = 0; k < n; k++) {
                    if (s[k] == slot) {
                        s[k] = s[n - 1];
                        bits[c][key][k] = bits[c][key][n - 1];
                        counts[c][key] = n - 1;
                        if (n - 1 == 0) {
                            bits[c][key] = null;
                            slots[c][key] = null;
                        } else if (n - 1 < s.length / 4) {
                            bits[c][key] = Arrays.copyOf(bits[c][key], (n - 1) * 2);
                            slots[c][key] = Arrays.copyOf(s, (n - 1) * 2);
                        }
                        break;
                    }
                }
            }
        }

        void search(long query, int d, Hits hits) {
            int[] radii = chunking.radii(d);
            long[] masks = chunking.masks;
            int[] keys = new int[256];
            long[][] group = new long[GROUP][];
            for (int c = 0; c < chunking.count; c++) {
                if (radii[c] < 0) {
                    continue;
                }
                int q = chunking.chunk(query, c);
                int[] count = counts[c];
                long[][] bucketBits = bits[c];
                int[] probes = chunking.probes[c][radii[c]];
                if (keys.length < probes.length) {
                    keys = new int[probes.length];
                }
                // Bucket counts are small and cache-resident: list the non-empty buckets first.
                int buckets = 0;
                for (int probe : probes) {
                    int key = q ^ probe;
                    if (count[key] != 0) {
                        keys[buckets++] = key;
                    }
                }
                // Scan GROUP buckets side by side: their cache misses are independent, so the processor overlaps
                // them instead of waiting for one bucket's memory at a time (1.3 to 1.8 times faster at 1M
                // fingerprints than bucket after bucket, which is memory-latency bound).
                int i = 0;
                for (; i + GROUP <= buckets; i += GROUP) {
                    int common = Integer.MAX_VALUE;
                    for (int g = 0; g < GROUP; g++) {
                        group[g] = bucketBits[keys[i + g]];
                        common = Math.min(common, count[keys[i + g]]);
                    }
                    for (int k = 0; k < common; k++) {
                        for (int g = 0; g < GROUP; g++) {
                            long x = group[g][k] ^ query;
                            if (Long.bitCount(x) <= d) {
                                hit(x, c, keys[i + g], k, radii, masks, hits);
                            }
                        }
                    }
                    for (int g = 0; g < GROUP; g++) {
                        scan(group[g], common, count[keys[i + g]], query, c, keys[i + g], d, radii, masks, hits);
                    }
                }
                for (; i < buckets; i++) {
                    scan(bucketBits[keys[i]], 0, count[keys[i]], query, c, keys[i], d, radii, masks, hits);
                }
            }
        }

        private void scan(long[] b, int from, int to, long query, int c, int key, int d, int[] radii, long[] masks,
                Hits hits) {
            for (int k = from; k < to; k++) {
                long x = b[k] ^ query;
                if (Long.bitCount(x) <= d) {
                    hit(x, c, key, k, radii, masks, hits);
                }
            }
        }

        private void hit(long x, int c, int key, int k, int[] radii, long[] masks, Hits hits) {
            if (!coveredEarlier(x, c, radii, masks)) {
                hits.add(Long.bitCount(x), slots[c][key][k]);
            }
        }

        /** Whether a chunk table probed before chunk c already reached this fingerprint (x = it XOR the query). */
        private static boolean coveredEarlier(long x, int c, int[] radii, long[] masks) {
            for (int j = 0; j < c; j++) {
                if (radii[j] >= 0 && Long.bitCount(x & masks[j]) <= radii[j]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Matches collected by a lookup, as (distance, entry) pairs packed into longs. */
    private static final class Hits {
        private long[] packed = new long[16];
        private int size;

        void add(int distance, int slot) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = ((long) distance << 32) | slot;
        }

        List<SimilarMatch> toMatches(Entries entries, int limit) {
            Arrays.sort(packed, 0, size);
            List<SimilarMatch> out = new ArrayList<>(Math.min(size, limit));
            int i = 0;
            while (i < size && out.size() < limit) {
                int distance = (int) (packed[i] >>> 32);
                int j = i;
                while (j < size && (int) (packed[j] >>> 32) == distance) {
                    j++;
                }
                // One distance at a time, ordered by id (entry numbers carry no order).
                List<String> ids = new ArrayList<>(j - i);
                for (int k = i; k < j; k++) {
                    ids.add(entries.ids[(int) packed[k]]);
                }
                ids.sort(null);
                for (String id : ids) {
                    if (out.size() == limit) {
                        break;
                    }
                    out.add(new SimilarMatch(id, distance));
                }
                i = j;
            }
            return out;
        }
    }

    /**
     * The indexed works by entry number (slot): id, kind and fingerprint in parallel arrays, freed slots reused, and
     * an open-addressing hash table (linear probing, slot + 1 per cell, 0 = empty) from work id to slot.
     */
    private static final class Entries {
        String[] ids = new String[16];
        long[] bits = new long[16];
        FingerprintKind[] kinds = new FingerprintKind[16];
        int size;
        private int used;
        private int[] free = new int[16];
        private int freeCount;
        private int[] table = new int[32];

        int find(String id) {
            int mask = table.length - 1;
            for (int i = home(id, mask); ; i = (i + 1) & mask) {
                int cell = table[i];
                if (cell == 0) {
                    return -1;
                }
                if (ids[cell - 1].equals(id)) {
                    return cell - 1;
                }
            }
        }

        int insert(String id, Fingerprint fingerprint) {
            if ((size + 1) * 2 > table.length) {
                rehash(table.length * 2);
            }
            int slot;
            if (freeCount > 0) {
                slot = free[--freeCount];
            } else {
                if (used == ids.length) {
                    int capacity = ids.length * 2;
                    ids = Arrays.copyOf(ids, capacity);
                    bits = Arrays.copyOf(bits, capacity);
                    kinds = Arrays.copyOf(kinds, capacity);
                }
                slot = used++;
            }
            ids[slot] = id;
            bits[slot] = fingerprint.bits();
            kinds[slot] = fingerprint.kind();
            size++;
            place(slot);
            return slot;
        }

        void delete(int slot) {
            int mask = table.length - 1;
            int i = home(ids[slot], mask);
            while (table[i] != slot + 1) {
                i = (i + 1) & mask;
            }
            // Backward-shift deletion keeps every remaining id reachable from its home cell without tombstones.
            table[i] = 0;
            for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
                int h = home(ids[table[j] - 1], mask);
                boolean movable = i <= j ? (h <= i || h > j) : (h <= i && h > j);
                if (movable) {
                    table[i] = table[j];
                    table[j] = 0;
                    i = j;
                }
            }
            ids[slot] = null;
            kinds[slot] = null;
            size--;
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = slot;
        }

        private void place(int slot) {
            int mask = table.length - 1;
            int i = home(ids[slot], mask);
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = slot + 1;
        }

        private void rehash(int capacity) {
            table = new int[capacity];
            for (int slot = 0; slot < used; slot++) {
                if (ids[slot] != null) {
                    place(slot);
                }
            }
        }

        private static int home(String id, int mask) {
            int h = id.hashCode() * 0x9e3779b9;
            return (h ^ (h >>> 16)) & mask;
        }
    }
}
