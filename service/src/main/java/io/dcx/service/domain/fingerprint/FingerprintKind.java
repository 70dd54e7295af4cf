package io.dcx.service.domain.fingerprint;

/**
 * Which algorithm produced a {@link Fingerprint}. The wire names are what the chain stores in a work's
 * {@code fingerprintKind}; they never change, because fingerprints of different kinds (or of a changed algorithm)
 * cannot be compared.
 */
public enum FingerprintKind {
    /** 64-bit DCT perceptual hash of an image ({@link ImageFingerprinter}). */
    IMAGE_DCT64("image-dct64"),
    /** 64-bit SimHash over normalised shingles of a text ({@link TextFingerprinter}). */
    TEXT_SIMHASH64("text-simhash64"),
    /** No fingerprint: the work is not an image or text, or its content could not be fingerprinted. */
    NONE("none");

    private final String wireName;

    FingerprintKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on chain and in the API, e.g. {@code image-dct64}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The kind with this wire name.
     *
     * @throws IllegalArgumentException if no kind has that name (names are case-sensitive, as on chain)
     */
    public static FingerprintKind fromWireName(String wireName) {
        for (FingerprintKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fingerprint kind '" + wireName + "'");
    }
}
