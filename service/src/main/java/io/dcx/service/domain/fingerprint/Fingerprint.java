package io.dcx.service.domain.fingerprint;

import java.util.Objects;

/**
 * A 64-bit perceptual fingerprint of a work's content: similar content gives fingerprints at a small Hamming
 * distance. On chain it is {@link #hex()} with {@link FingerprintKind#wireName()}.
 *
 * <p>A fingerprint always has a real kind: "no fingerprint" ({@link FingerprintKind#NONE}) is an absent value
 * ({@code Optional.empty()}), never a {@code Fingerprint}, so {@code NONE} is refused here.
 */
public record Fingerprint(FingerprintKind kind, long bits) {

    public Fingerprint {
        Objects.requireNonNull(kind, "kind");
        if (kind == FingerprintKind.NONE) {
            throw new IllegalArgumentException("a fingerprint of kind none does not exist; use an empty Optional");
        }
    }

    /** The 64 bits as exactly 16 lowercase hex characters, most significant first (the on-chain form). */
    public String hex() {
        String digits = Long.toHexString(bits);
        return "0".repeat(16 - digits.length()) + digits;
    }

    /**
     * Reads the on-chain form. Upper-case hex is accepted (and normalised by {@link #hex()}).
     *
     * @throws IllegalArgumentException unless {@code hex} is exactly 16 hex characters and {@code kind} is not NONE
     */
    public static Fingerprint parse(FingerprintKind kind, String hex) {
        if (hex == null || hex.length() != 16) {
            throw new IllegalArgumentException("a fingerprint is 16 hex characters");
        }
        for (int i = 0; i < 16; i++) {
            char c = hex.charAt(i);
            // ASCII only: Character.digit would also take full-width and other Unicode digits.
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new IllegalArgumentException("a fingerprint is 16 hex characters");
            }
        }
        return new Fingerprint(kind, Long.parseUnsignedLong(hex, 16));
    }

    /**
     * The Hamming distance (number of differing bits, 0..64) to another fingerprint of the same kind.
     *
     * @throws IllegalArgumentException if the kinds differ: such fingerprints are not comparable
     */
    public int distance(Fingerprint other) {
        if (other.kind != kind) {
            throw new IllegalArgumentException("cannot compare a " + kind.wireName() + " fingerprint with a "
                    + other.kind.wireName() + " one");
        }
        return Long.bitCount(bits ^ other.bits);
    }

    @Override
    public String toString() {
        return kind.wireName() + ":" + hex();
    }
}
