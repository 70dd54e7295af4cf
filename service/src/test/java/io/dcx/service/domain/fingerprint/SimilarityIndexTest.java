package io.dcx.service.domain.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimilarityIndexTest {
    private static final FingerprintKind IMAGE = FingerprintKind.IMAGE_DCT64;
    private static final FingerprintKind TEXT = FingerprintKind.TEXT_SIMHASH64;

    /** A model of the index: the brute-force answer over a map. */
    private static List<SimilarMatch> scan(Map<String, Fingerprint> all, Fingerprint query, int d, int limit) {
        return all.entrySet().stream()
                .filter(e -> e.getValue().kind() == query.kind())
                .map(e -> new SimilarMatch(e.getKey(), e.getValue().distance(query)))
                .filter(m -> m.distance() <= d)
                .sorted(Comparator.comparingInt(SimilarMatch::distance).thenComparing(SimilarMatch::workId))
                .limit(limit)
                .toList();
    }

    /** Flips exactly k distinct random bits. */
    static long flip(long bits, int k, SplittableRandom random) {
        long mask = 0;
        while (Long.bitCount(mask) < k) {
            mask |= 1L << random.nextInt(64);
        }
        return bits ^ mask;
    }

    @ParameterizedTest(name = "seed {0}, {1} chunks")
    @CsvSource({"1, 5", "2, 5", "3, 5", "4, 4", "5, 6", "6, 7", "7, 8"})
    void findsExactlyWhatABruteForceScanFindsOnRandomAndClusteredData(long seed, int chunks) {
        SplittableRandom random = new SplittableRandom(seed);
        SimilarityIndex index = new SimilarityIndex(chunks);
        Map<String, Fingerprint> model = new HashMap<>();
        List<Long> centres = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            centres.add(random.nextLong());
        }
        for (int i = 0; i < 20_000; i++) {
            FingerprintKind kind = random.nextInt(4) == 0 ? TEXT : IMAGE;
            long bits = random.nextBoolean()
                    ? random.nextLong()
                    : flip(centres.get(random.nextInt(centres.size())), random.nextInt(20), random);
            Fingerprint fp = new Fingerprint(kind, bits);
            String id = "wk_" + i;
            index.add(id, fp);
            model.put(id, fp);
        }
        assertThat(index.size()).isEqualTo(model.size());
        for (int q = 0; q < 600; q++) {
            long bits = q % 3 == 0 ? random.nextLong()
                    : flip(centres.get(random.nextInt(centres.size())), random.nextInt(12), random);
            Fingerprint query = new Fingerprint(q % 5 == 0 ? TEXT : IMAGE, bits);
            int d = q % (SimilarityIndex.MAX_DISTANCE + 1);
            assertThat(index.near(query, d, Integer.MAX_VALUE))
                    .as("query %s at distance %d", query, d)
                    .isEqualTo(scan(model, query, d, Integer.MAX_VALUE));
        }
    }

    @ParameterizedTest(name = "{0} chunks")
    @ValueSource(ints = {4, 5, 6, 7, 8})
    void everyDistanceUpToTheMaximumFindsAPointAtExactlyThatDistanceWhateverItsSpreadOverTheChunks(int chunks) {
        // Adversarial for the pigeonhole: spread the differing bits over the chunks (bits i with i % chunks == c) in
        // every way the random draw produces, including the extreme of all in one chunk or evenly spread.
        SplittableRandom random = new SplittableRandom(7 + chunks);
        SimilarityIndex index = new SimilarityIndex(chunks);
        for (int d = 0; d <= SimilarityIndex.MAX_DISTANCE; d++) {
            for (int trial = 0; trial < 150; trial++) {
                long query = random.nextLong();
                int[] perChunk = new int[chunks];
                int left = d;
                int focus = random.nextInt(chunks);
                while (left > 0) {
                    // Half of the trials pile bits into one chunk as far as it goes.
                    int c = trial % 2 == 0 && perChunk[focus] < width(focus, chunks) ? focus : random.nextInt(chunks);
                    if (perChunk[c] < width(c, chunks)) {
                        perChunk[c]++;
                        left--;
                    }
                }
                long mask = 0;
                for (int c = 0; c < chunks; c++) {
                    int placed = 0;
                    while (placed < perChunk[c]) {
                        int bit = chunks * random.nextInt(width(c, chunks)) + c;
                        if ((mask & (1L << bit)) == 0) {
                            mask |= 1L << bit;
                            placed++;
                        }
                    }
                }
                index.add("x", new Fingerprint(IMAGE, query ^ mask));
                assertThat(index.near(new Fingerprint(IMAGE, query), d, 10))
                        .as("d=%d, spread %s", d, java.util.Arrays.toString(perChunk))
                        .containsExactly(new SimilarMatch("x", d));
                if (d > 0) {
                    assertThat(index.near(new Fingerprint(IMAGE, query), d - 1, 10)).isEmpty();
                }
                index.remove("x");
            }
        }
    }

    @Test
    void chunkCountsBeyondSixteenBitChunksAreRefused() {
        assertThatThrownBy(() -> new SimilarityIndex(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityIndex(9)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Bits i < 64 with i % chunks == c. */
    private static int width(int c, int chunks) {
        return (64 - c + chunks - 1) / chunks;
    }

    @Test
    void aMatchInSeveralProbedBucketsIsReportedOnce() {
        // Identical fingerprints sit in the probed bucket of every chunk table.
        SimilarityIndex index = new SimilarityIndex();
        index.add("same", new Fingerprint(IMAGE, 99L));
        assertThat(index.near(new Fingerprint(IMAGE, 99L), 16, 10)).containsExactly(new SimilarMatch("same", 0));
    }

    @Test
    void ordersByDistanceThenIdAndHonoursTheLimit() {
        SimilarityIndex index = new SimilarityIndex();
        long base = 0x0123456789abcdefL;
        index.add("c", new Fingerprint(IMAGE, base ^ 0b1));
        index.add("b", new Fingerprint(IMAGE, base ^ 0b11));
        index.add("a", new Fingerprint(IMAGE, base ^ 0b10));
        index.add("d", new Fingerprint(IMAGE, base));
        index.add("t", new Fingerprint(TEXT, base));
        Fingerprint query = new Fingerprint(IMAGE, base);
        assertThat(index.near(query, 2, 10)).containsExactly(
                new SimilarMatch("d", 0), new SimilarMatch("a", 1), new SimilarMatch("c", 1), new SimilarMatch("b", 2));
        assertThat(index.near(query, 2, 2)).containsExactly(new SimilarMatch("d", 0), new SimilarMatch("a", 1));
        assertThat(index.near(query, 2, 0)).isEmpty();
        assertThat(index.near(new Fingerprint(TEXT, base), 16, 10)).containsExactly(new SimilarMatch("t", 0));
    }

    @Test
    void removeAndReplace() {
        SimilarityIndex index = new SimilarityIndex();
        Fingerprint fp = new Fingerprint(IMAGE, 42L);
        index.add("a", fp);
        index.add("b", fp);
        index.remove("a");
        index.remove("never-added");
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.near(fp, 0, 10)).containsExactly(new SimilarMatch("b", 0));
        assertThat(index.get("a")).isEmpty();

        // Re-adding a work replaces its fingerprint, also across kinds.
        index.add("b", new Fingerprint(TEXT, 42L));
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.near(fp, 16, 10)).isEmpty();
        assertThat(index.get("b")).contains(new Fingerprint(TEXT, 42L));
    }

    @Test
    void randomAddsAndRemovesAgreeWithTheModel() {
        SplittableRandom random = new SplittableRandom(11);
        SimilarityIndex index = new SimilarityIndex();
        Map<String, Fingerprint> model = new HashMap<>();
        long centre = random.nextLong();
        for (int step = 0; step < 30_000; step++) {
            String id = "w" + random.nextInt(3_000);
            int op = random.nextInt(10);
            if (op < 6) {
                Fingerprint fp = new Fingerprint(IMAGE, flip(centre, random.nextInt(24), random));
                index.add(id, fp);
                model.put(id, fp);
            } else if (op < 9) {
                index.remove(id);
                model.remove(id);
            } else {
                Fingerprint query = new Fingerprint(IMAGE, flip(centre, random.nextInt(8), random));
                int d = random.nextInt(SimilarityIndex.MAX_DISTANCE + 1);
                assertThat(index.near(query, d, 50)).isEqualTo(scan(model, query, d, 50));
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (var e : model.entrySet()) {
            assertThat(index.get(e.getKey())).contains(e.getValue());
        }
    }

    @Test
    void refusesDistancesBeyondTheGuarantee() {
        SimilarityIndex index = new SimilarityIndex();
        Fingerprint fp = new Fingerprint(IMAGE, 1L);
        assertThatThrownBy(() -> index.near(fp, SimilarityIndex.MAX_DISTANCE + 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.near(fp, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.near(fp, 3, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentReadersAndWritersSeeAConsistentIndex() throws Exception {
        SimilarityIndex index = new SimilarityIndex();
        long centre = 0x5555aaaa3333ccccL;
        // Stable entries that every reader must always see.
        for (int i = 0; i < 100; i++) {
            index.add("stable-" + i, new Fingerprint(IMAGE, flip(centre, 2, new SplittableRandom(i))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                tasks.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(100 + writer);
                    for (int i = 0; i < 20_000; i++) {
                        String id = "churn-" + writer + "-" + random.nextInt(500);
                        if (random.nextBoolean()) {
                            index.add(id, new Fingerprint(IMAGE, flip(centre, random.nextInt(10), random)));
                        } else {
                            index.remove(id);
                        }
                    }
                }));
            }
            for (int r = 0; r < 2; r++) {
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        List<SimilarMatch> found = index.near(new Fingerprint(IMAGE, centre), 2, Integer.MAX_VALUE);
                        assertThat(found.stream().filter(m -> m.workId().startsWith("stable-"))).hasSize(100);
                        assertThat(found).isSortedAccordingTo(Comparator.comparingInt(SimilarMatch::distance)
                                .thenComparing(SimilarMatch::workId));
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // Every entry is within 10 bits of the centre, so a lookup at 16 sees them all: the index is intact.
        assertThat(index.near(new Fingerprint(IMAGE, centre), 16, Integer.MAX_VALUE)).hasSize(index.size());
    }
}
