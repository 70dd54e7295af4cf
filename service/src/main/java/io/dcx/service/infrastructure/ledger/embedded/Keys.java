package io.dcx.service.infrastructure.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Fabric keys as the ledger stores them. LevelDB orders keys by their UTF-8 bytes, which is Unicode code point
 * order; Java's {@link String#compareTo} is UTF-16 order, which differs above U+FFFF. Everything that orders keys
 * in memory uses {@link #ORDER} so that it agrees with {@code bytea} order in PostgreSQL.
 */
final class Keys {
    /** Code point order, the same as the order of the keys' UTF-8 bytes. */
    static final Comparator<String> ORDER = Keys::compare;

    /** The upper bound Fabric puts after a partial composite key: U+10FFFF. */
    static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    /** What the shim sends for an unspecified range start: U+0001, which leaves composite keys (U+0000) out. */
    static final String UNSPECIFIED_START_KEY = "\u0001";

    private Keys() {
    }

    static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    static String key(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // UTF-16 order is code point order except that surrogates (D800-DFFF, which encode code points
                // above FFFF) sort below E000-FFFF; lift them above.
                if (ca >= Character.MIN_SURROGATE && cb >= Character.MIN_SURROGATE) {
                    return Integer.compare(fixup(ca), fixup(cb));
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    private static int fixup(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
