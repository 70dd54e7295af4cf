package io.dcx.chaincode;

/** Which perceptual fingerprint a work carries; the JSON value is {@link #wire()}. */
public enum FingerprintKind {
    IMAGE_DCT64("image-dct64"), TEXT_SIMHASH64("text-simhash64"), NONE("none");

    private final String wire;

    FingerprintKind(final String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static FingerprintKind parse(final String value, final String name) {
        for (final FingerprintKind k : values()) {
            if (k.wire.equals(value)) {
                return k;
            }
        }
        throw ErrorCode.INVALID_ARGUMENT.exception(
                name + " must be one of image-dct64, text-simhash64, none" + Checks.shown(value));
    }
}
