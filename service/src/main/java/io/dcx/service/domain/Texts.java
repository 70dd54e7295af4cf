package io.dcx.service.domain;

/** Checks of text that came from outside. */
public final class Texts {
    private Texts() {
    }

    /**
     * Whether {@code s} is text PostgreSQL and a UTF-8 encoder can keep as it is: no NUL (PostgreSQL refuses it) and
     * no unpaired surrogate (a JSON {@code \\ud800} escape decodes to one; UTF-8 has no encoding for it).
     */
    public static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
