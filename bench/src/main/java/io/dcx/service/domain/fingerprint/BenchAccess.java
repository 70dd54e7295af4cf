package io.dcx.service.domain.fingerprint;

/**
 * Lets the benchmarks build an index with another chunk count than the default (the constructor for that is
 * package-private: it is a measurement knob, not part of the service's API). Lives in the bench module, in the
 * index's package, which the class path allows.
 */
public final class BenchAccess {
    private BenchAccess() {
    }

    /** An empty index cutting fingerprints into {@code chunks} chunks (4..8). */
    public static SimilarityIndex withChunks(int chunks) {
        return new SimilarityIndex(chunks);
    }

    /** The chunk count of {@code new SimilarityIndex()}. */
    public static int defaultChunks() {
        return SimilarityIndex.DEFAULT_CHUNKS;
    }
}
