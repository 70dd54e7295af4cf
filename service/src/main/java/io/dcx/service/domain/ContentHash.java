package io.dcx.service.domain;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 of a work's bytes, as 64 lowercase hex characters: the work's identity on chain. */
public record ContentHash(String hex) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new DcxException(ErrorCode.INVALID_CONTENT_HASH,
                    "a content hash is 64 lowercase hex characters (SHA-256)");
        }
    }

    public static ContentHash of(byte[] sha256) {
        return new ContentHash(HexFormat.of().formatHex(sha256));
    }

    /** Accepts upper-case input from clients. */
    public static ContentHash parse(String text) {
        return new ContentHash(text == null ? null : text.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return hex;
    }
}
