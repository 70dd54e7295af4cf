package io.dcx.service.domain.kyc;

/**
 * How personal data looks to anyone but its owner. Operators see enough to review (the shape of a name, the region
 * and the last digits of a number), never enough to re-identify: names keep their first character per word
 * ({@code 张*}, {@code Z**** S**}), identity numbers their first and last four
 * ({@code 1101**********002X}), phones {@code 138****5678}, cards their first and last four, addresses their first
 * six characters. Works on code points, so a Chinese character is never cut in half.
 */
public final class Masking {
    private Masking() {
    }

    public static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int[] cps = value.codePoints().toArray();
        if (cps.length <= head + tail) {
            return "*".repeat(cps.length);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            out.appendCodePoint(i < head || i >= cps.length - tail ? cps[i] : '*');
        }
        return out.toString();
    }

    public static String keepStart(String value, int head) {
        if (value == null) {
            return null;
        }
        int[] cps = value.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            out.appendCodePoint(i < head ? cps[i] : '*');
        }
        return cps.length <= head ? "*".repeat(cps.length) : out.toString();
    }

    public static String name(String value) {
        if (value == null) {
            return null;
        }
        int[] cps = value.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        for (int cp : cps) {
            boolean separator = cp == ' ' || cp == '·' || cp == '・' || cp == '-' || cp == '\'' || cp == '.';
            if (separator) {
                out.appendCodePoint(cp);
                wordStart = true;
            } else {
                out.appendCodePoint(wordStart ? cp : '*');
                wordStart = false;
            }
        }
        return out.toString();
    }
}
