package io.dcx.bench;

import io.dcx.service.domain.fingerprint.Fingerprint;
import io.dcx.service.domain.fingerprint.FingerprintKind;
import java.util.SplittableRandom;

/**
 * Fingerprint data for the benchmarks, from fixed seeds. Shaped like a registry of images: 70% unrelated works and
 * 30% in families of near-duplicates (2 to 20 members, each 0 to 8 bits from the family's first work, as resized,
 * recompressed or retouched versions are). Every fingerprint has exactly 32 bits set, as image DCT hashes have.
 * Queries: half are 0 to {@code maxDistance} bits from an indexed work (they have matches), half are unrelated.
 */
final class Datasets {
    static final FingerprintKind KIND = FingerprintKind.IMAGE_DCT64;

    private Datasets() {
    }

    /** A random 64-bit value with exactly 32 bits set. */
    static long balanced(SplittableRandom random) {
        long bits = 0;
        int set = 0;
        while (set < 32) {
            long bit = 1L << random.nextInt(64);
            if ((bits & bit) == 0) {
                bits |= bit;
                set++;
            }
        }
        return bits;
    }

    /** Flips k distinct bits (k even keeps the weight at 32 when half of them are ones: close enough here). */
    static long flip(long bits, int k, SplittableRandom random) {
        long mask = 0;
        while (Long.bitCount(mask) < k) {
            mask |= 1L << random.nextInt(64);
        }
        return bits ^ mask;
    }

    static long[] fingerprints(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] out = new long[n];
        int i = 0;
        while (i < n) {
            long work = balanced(random);
            out[i++] = work;
            if (random.nextInt(100) < 5) {
                // About 5% of works start a family of 1 to 19 further versions: ~30% of all entries are in families.
                int family = 1 + random.nextInt(19);
                for (int k = 0; k < family && i < n; k++) {
                    out[i++] = flip(work, random.nextInt(9), random);
                }
            }
        }
        return out;
    }

    /** Work ids in the service's format: "wk_" and 20 base32 characters. */
    static String[] ids(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        char[] alphabet = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
        String[] ids = new String[n];
        char[] id = new char[23];
        id[0] = 'w';
        id[1] = 'k';
        id[2] = '_';
        for (int i = 0; i < n; i++) {
            for (int k = 3; k < 23; k++) {
                id[k] = alphabet[random.nextInt(32)];
            }
            ids[i] = new String(id);
        }
        return ids;
    }

    static Fingerprint[] queries(long[] indexed, int count, int maxDistance, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Fingerprint[] queries = new Fingerprint[count];
        for (int q = 0; q < count; q++) {
            long bits = q % 2 == 0
                    ? flip(indexed[random.nextInt(indexed.length)], random.nextInt(maxDistance + 1), random)
                    : balanced(random);
            queries[q] = new Fingerprint(KIND, bits);
        }
        return queries;
    }

    /** The baseline: every fingerprint compared with the query; returns the positions within distance. */
    static int[] scan(long[] bits, long query, int maxDistance) {
        int[] hits = new int[8];
        int n = 0;
        for (int i = 0; i < bits.length; i++) {
            if (Long.bitCount(bits[i] ^ query) <= maxDistance) {
                if (n == hits.length) {
                    hits = java.util.Arrays.copyOf(hits, n * 2);
                }
                hits[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(hits, n);
    }
}
