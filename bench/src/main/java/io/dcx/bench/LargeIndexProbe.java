package io.dcx.bench;

import io.dcx.service.domain.fingerprint.BenchAccess;
import io.dcx.service.domain.fingerprint.Fingerprint;
import io.dcx.service.domain.fingerprint.SimilarityIndex;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * A plain timed loop (not JMH) for sizes JMH would make slow to set up, such as 10 million works: build time, heap
 * per entry, lookup latency percentiles and the brute-force scan for comparison.
 *
 * <pre>java -Xmx8g -cp bench/target/benchmarks.jar io.dcx.bench.LargeIndexProbe 10000000 12,14,16 [queries] [chunks]</pre>
 *
 * The optional chunk count (4..8) compares other multi-index layouts with the default.
 */
public final class LargeIndexProbe {
    private LargeIndexProbe() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000_000;
        int[] distances = Arrays.stream((args.length > 1 ? args[1] : "12,14,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int chunks = args.length > 3 ? Integer.parseInt(args[3]) : BenchAccess.defaultChunks();

        long[] bits = Datasets.fingerprints(size, 1);
        String[] ids = Datasets.ids(size, 2);
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        SimilarityIndex index = BenchAccess.withChunks(chunks);
        for (int i = 0; i < size; i++) {
            index.add(ids[i], new Fingerprint(Datasets.KIND, bits[i]));
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        long indexBytes = usedHeapAfterGc() - before;
        long idBytes = idStringBytes(ids);
        System.out.printf("size %,d, %d chunks: build %.2f s (%.0f ns per add); index structures %.1f MiB = %.0f bytes per entry "
                        + "(not counting the id strings, which the index keeps: %.0f bytes each here, "
                        + "%.0f bytes per entry in all)%n",
                size, chunks, buildSeconds, buildSeconds * 1e9 / size, indexBytes / 1048576.0, indexBytes / (double) size,
                idBytes / (double) size, (indexBytes + idBytes) / (double) size);

        for (int d : distances) {
            Fingerprint[] qs = Datasets.queries(bits, queries, d, 3);
            for (int warm = 0; warm < Math.min(queries, 5_000); warm++) {
                index.near(qs[warm], d, 100);
            }
            long[] nanos = new long[queries];
            long matches = 0;
            for (int q = 0; q < queries; q++) {
                long t0 = System.nanoTime();
                matches += index.near(qs[q], d, 100).size();
                nanos[q] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            int scans = Math.max(3, Math.min(200, (int) (2_000_000_000L / size)));
            long[] scanNanos = new long[scans];
            long scanMatches = 0;
            for (int q = 0; q < scans; q++) {
                long t0 = System.nanoTime();
                scanMatches += Datasets.scan(bits, qs[q].bits(), d).length;
                scanNanos[q] = System.nanoTime() - t0;
            }
            Arrays.sort(scanNanos);
            System.out.printf("  d=%d: lookup p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us (%d queries, "
                            + "%.2f matches each); brute-force scan p50 %.1f us over %d queries (%.2f matches each): "
                            + "%.0fx%n",
                    d, nanos[queries / 2] / 1e3, nanos[(int) (queries * 0.99)] / 1e3,
                    nanos[(int) (queries * 0.999)] / 1e3, nanos[queries - 1] / 1e3, queries,
                    matches / (double) queries, scanNanos[scans / 2] / 1e3, scans, scanMatches / (double) scans,
                    (double) scanNanos[scans / 2] / nanos[queries / 2]);
        }
        if (index.size() != size) {
            throw new AssertionError("lost entries: " + index.size());
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap of the id strings: object header and fields (24 bytes) plus the Latin-1 byte array (16 + length). */
    private static long idStringBytes(String[] ids) {
        long total = 0;
        for (String id : ids) {
            total += 24 + align(16 + id.length());
        }
        return total;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
