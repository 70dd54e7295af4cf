package io.dcx.bench;

import io.dcx.service.domain.fingerprint.Fingerprint;
import io.dcx.service.domain.fingerprint.SimilarMatch;
import io.dcx.service.domain.fingerprint.SimilarityIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookup latency of {@link SimilarityIndex} against a brute-force scan of the same fingerprints (the anchor), and the
 * time to build the index, at 10k, 100k and 1M works. Kept short (one fork, few iterations) so the whole class runs
 * in a few minutes on two cores: {@code java -jar bench/target/benchmarks.jar Similarity}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class SimilarityIndexBenchmark {
    private static final int QUERIES = 4096;

    /** An index and the same fingerprints as a plain array, with a cycle of queries. */
    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"10000", "100000", "1000000"})
        public int size;
        /** 12 and 14: the configured image and text thresholds; 16: the largest the index supports (its worst case). */
        @Param({"12", "14", "16"})
        public int maxDistance;

        SimilarityIndex index;
        long[] bits;
        Fingerprint[] queries;
        int next;

        @Setup(Level.Trial)
        public void load() {
            bits = Datasets.fingerprints(size, 1);
            String[] ids = Datasets.ids(size, 2);
            index = new SimilarityIndex();
            for (int i = 0; i < size; i++) {
                index.add(ids[i], new Fingerprint(Datasets.KIND, bits[i]));
            }
            queries = Datasets.queries(bits, QUERIES, maxDistance, 3);
        }

        Fingerprint nextQuery() {
            return queries[next++ & (QUERIES - 1)];
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public List<SimilarMatch> indexLookup(Loaded state) {
        return state.index.near(state.nextQuery(), state.maxDistance, 100);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public int[] bruteForceScan(Loaded state) {
        return Datasets.scan(state.bits, state.nextQuery().bits(), state.maxDistance);
    }

    /** Fingerprints and ids ready to be added. */
    @State(Scope.Benchmark)
    public static class Input {
        @Param({"10000", "100000", "1000000"})
        public int size;

        Fingerprint[] fingerprints;
        String[] ids;

        @Setup(Level.Trial)
        public void load() {
            long[] bits = Datasets.fingerprints(size, 1);
            ids = Datasets.ids(size, 2);
            fingerprints = new Fingerprint[size];
            for (int i = 0; i < size; i++) {
                fingerprints[i] = new Fingerprint(Datasets.KIND, bits[i]);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public SimilarityIndex indexBuild(Input input) {
        SimilarityIndex index = new SimilarityIndex();
        for (int i = 0; i < input.size; i++) {
            index.add(input.ids[i], input.fingerprints[i]);
        }
        return index;
    }
}
