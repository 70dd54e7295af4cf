package io.dcx.service.domain.fingerprint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link FingerprintKind#TEXT_SIMHASH64} fingerprint: a 64-bit SimHash over shingles of normalised text. Texts
 * that differ only in layout (line breaks, spaces), punctuation, letter case, full-width/half-width forms or by a
 * few edits stay at a small Hamming distance; different texts land far apart.
 *
 * <p>Algorithm (fixed: changing it would make stored fingerprints incomparable, so a change needs a new kind):
 * <ol>
 *   <li>Unicode NFKC (folds full-width Latin letters and digits, compatibility forms), then lower case
 *       (simple per-character mapping, {@link Character#toLowerCase(int)});</li>
 *   <li>tokens: every ideograph, kana or hangul syllable is a token of its own; every run of other letters and
 *       digits is a token (a word); everything else (punctuation, symbols, whitespace) only separates tokens;</li>
 *   <li>shingles: all runs of {@value #SHINGLE} consecutive tokens (word pairs in English, character pairs in
 *       Chinese);</li>
 *   <li>each shingle is hashed with FNV-1a 64 over its UTF-8 bytes (tokens joined by a 0x1F separator), followed by
 *       the SplitMix64 finaliser so every output bit depends on every input bit; both are fixed public constants,
 *       so the fingerprint is the same on every JVM and version (unlike {@code String.hashCode});</li>
 *   <li>SimHash: for each of the 64 bits, every distinct shingle adds 1 if its hash has the bit set and subtracts 1
 *       otherwise; the bit is set when the sum is positive.</li>
 * </ol>
 *
 * <p>Choices, measured by {@code FingerprintQualityTest} and the exploration behind it: pairs of tokens rather than
 * single tokens (texts built from the same vocabulary share most single words and characters, so single tokens
 * cannot tell them apart) or triples (one edit then changes three shingles: 5% edits moved the hash about 10.5 bits
 * instead of 8); words for alphabetic scripts rather than character n-grams on the de-spaced text (4-grams
 * separated texts about as well but were moved further by edits); each distinct shingle counted once rather than by
 * its frequency (frequent pairs such as "of the" would otherwise dominate every English text and pull distinct texts
 * together).
 *
 * <p>Thread-safe and stateless.
 */
public final class TextFingerprinter {
    /** Tokens per shingle. */
    static final int SHINGLE = 2;
    /** Texts with fewer shingles than this are too short to fingerprint meaningfully. */
    public static final int MIN_SHINGLES = 16;
    /** Characters normalised at a time (see forEachToken). */
    private static final int PIECE = 1 << 16;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * Fingerprints a text.
     *
     * @return the fingerprint, or empty if the text has fewer than {@link #MIN_SHINGLES} shingles
     */
    public Optional<Fingerprint> fingerprint(String text) {
        ShingleHashes shingles = new ShingleHashes();
        forEachToken(text, shingles);
        if (shingles.count < MIN_SHINGLES) {
            return Optional.empty();
        }
        long[] hashes = shingles.hashes;
        int count = shingles.count;
        // Each distinct shingle votes once: sort, then skip repeats.
        Arrays.sort(hashes, 0, count);
        int[] votes = new int[64];
        for (int i = 0; i < count; i++) {
            if (i > 0 && hashes[i] == hashes[i - 1]) {
                continue;
            }
            long h = hashes[i];
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long bits = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                bits |= 1L << bit;
            }
        }
        return Optional.of(new Fingerprint(FingerprintKind.TEXT_SIMHASH64, bits));
    }

    /**
     * Hashes each shingle as its tokens arrive, keeping only the last {@value #SHINGLE} tokens and 8 bytes per
     * shingle: a long text (uploads may be tens of megabytes) never becomes a list of millions of strings.
     */
    private static final class ShingleHashes implements Consumer<String> {
        private final String[] window = new String[SHINGLE];
        private int seen;
        long[] hashes = new long[256];
        int count;

        @Override
        public void accept(String token) {
            System.arraycopy(window, 1, window, 0, SHINGLE - 1);
            window[SHINGLE - 1] = token;
            if (++seen < SHINGLE) {
                return;
            }
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            hashes[count++] = hash64(String.join("\u001f", window));
        }
    }

    /**
     * Fingerprints a text file's bytes: UTF-8 (a byte order mark is skipped), UTF-16 when it starts with a UTF-16
     * byte order mark, otherwise GB18030 when the bytes are not valid UTF-8.
     *
     * @return the fingerprint, or empty if the text is too short or the bytes look binary (control characters other
     *         than tab, line feed, form feed and carriage return)
     */
    public Optional<Fingerprint> fingerprint(byte[] utf8OrOtherBytes) {
        return decode(utf8OrOtherBytes).flatMap(this::fingerprint);
    }

    static Optional<String> decode(byte[] bytes) {
        String text;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            text = decodeUtf8OrGb18030(bytes, 3);
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else {
            text = decodeUtf8OrGb18030(bytes, 0);
        }
        return looksBinary(text) ? Optional.empty() : Optional.of(text);
    }

    private static String decodeUtf8OrGb18030(byte[] bytes, int offset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, bytes.length - offset, GB18030);
        }
    }

    /** More than 1 in 1000 characters (at least one) a control character other than whitespace, or any NUL. */
    private static boolean looksBinary(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        return controls > Math.max(1, text.length() / 1000);
    }

    /** The normalised tokens of a text (see the class comment), as a list: for tests. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        forEachToken(text, tokens::add);
        return tokens;
    }

    /**
     * Feeds the normalised tokens of a text to {@code sink}, normalising (NFKC) piece by piece so a long text is
     * never copied whole. A piece ends just before an ASCII character or a CJK ideograph: such a character starts a
     * new normalisation segment (it composes with nothing before it, and nothing before it reorders past it), so
     * normalising the pieces one by one gives exactly what normalising the whole text would. Lower case is the simple
     * per-character mapping, which needs no context either.
     */
    static void forEachToken(String text, Consumer<String> sink) {
        StringBuilder word = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int end = pieceEnd(text, start);
            String piece = Normalizer.normalize(text.substring(start, end), Normalizer.Form.NFKC);
            for (int i = 0; i < piece.length(); ) {
                int original = piece.codePointAt(i);
                i += Character.charCount(original);
                int cp = Character.toLowerCase(original);
                if (isSyllabic(cp)) {
                    flush(word, sink);
                    sink.accept(Character.toString(cp));
                } else if (Character.isLetterOrDigit(cp) || isCombiningMark(cp)) {
                    word.appendCodePoint(cp);
                } else {
                    flush(word, sink);
                }
            }
            start = end;
        }
        flush(word, sink);
    }

    /** End of the piece starting at {@code start}: the first safe boundary after {@link #PIECE} characters. */
    private static int pieceEnd(String text, int start) {
        for (int i = start + PIECE; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff)) {
                return i;
            }
        }
        return text.length();
    }

    private static void flush(StringBuilder word, Consumer<String> sink) {
        if (!word.isEmpty()) {
            sink.accept(word.toString());
            word.setLength(0);
        }
    }

    /** Scripts written without spaces between words, where one character is the natural unit. */
    private static boolean isSyllabic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.THAI;
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** FNV-1a 64 over the UTF-8 bytes, then the SplitMix64 finaliser. */
    static long hash64(String s) {
        long h = fnv1a64(s.getBytes(StandardCharsets.UTF_8));
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }

    /** FNV-1a, 64-bit (offset basis 0xcbf29ce484222325, prime 0x100000001b3). */
    static long fnv1a64(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }
}
