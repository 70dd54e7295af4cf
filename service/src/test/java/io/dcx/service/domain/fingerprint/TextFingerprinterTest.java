package io.dcx.service.domain.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextFingerprinterTest {
    private static final TextFingerprinter TEXT = new TextFingerprinter();

    private static final String POEM_ZH = """
            床前明月光，疑是地上霜。举头望明月，低头思故乡。
            春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。
            白日依山尽，黄河入海流。欲穷千里目，更上一层楼。
            """;
    private static final String PROSE_EN = """
            The harbour was quiet in the early morning, and the fishing boats had not yet returned. An old man sat on
            the wall by the market, mending a net with slow and careful hands, while the gulls waited for the first
            catch of the day. Behind him the town was waking: shutters opened, a radio played, and somebody was
            already arguing about the price of silver.
            """;

    private static long bits(String text) {
        return TEXT.fingerprint(text).orElseThrow().bits();
    }

    @Test
    void fingerprintsAreOfTheTextKind() {
        assertThat(TEXT.fingerprint(PROSE_EN)).get().extracting(Fingerprint::kind)
                .isEqualTo(FingerprintKind.TEXT_SIMHASH64);
    }

    @Test
    void tooShortTextsHaveNoFingerprint() {
        assertThat(TEXT.fingerprint("a poem")).isEmpty();
        assertThat(TEXT.fingerprint("")).isEmpty();
        assertThat(TEXT.fingerprint("，。！ ... \n\n")).isEmpty();
        assertThat(TEXT.fingerprint("床前明月光，疑是地上霜。")).isEmpty();
    }

    @Test
    void layoutPunctuationCaseAndWidthDoNotChangeTheFingerprint() {
        String reflowed = "  " + PROSE_EN.replace("\n", " ").replace(", ", " ; ").replace(".", "!\r\n\r\n")
                .toUpperCase(java.util.Locale.ROOT);
        assertThat(bits(reflowed)).isEqualTo(bits(PROSE_EN));

        String zhReformatted = POEM_ZH.replace("，", ", ").replace("。", ".\n").replace("\n", "\n\n  ");
        assertThat(bits(zhReformatted)).isEqualTo(bits(POEM_ZH));
        assertThat(bits(SyntheticTexts.fullWidth(PROSE_EN))).isEqualTo(bits(PROSE_EN));
        assertThat(bits("第１２３号作品：" + POEM_ZH)).isEqualTo(bits("第123号作品:" + POEM_ZH));
    }

    @Test
    void smallEditsStayCloseAndDifferentTextsAreFar() {
        Fingerprint original = TEXT.fingerprint(PROSE_EN).orElseThrow();
        Fingerprint edited = TEXT.fingerprint(PROSE_EN.replace("slow and careful", "slow, patient")
                .replace("silver", "gold")).orElseThrow();
        Fingerprint other = TEXT.fingerprint(SyntheticTexts.english(5)).orElseThrow();
        assertThat(original.distance(edited)).isBetween(1, 14);
        assertThat(original.distance(other)).isGreaterThan(20);

        Fingerprint poem = TEXT.fingerprint(POEM_ZH).orElseThrow();
        Fingerprint poemEdited = TEXT.fingerprint(POEM_ZH.replace("举头", "抬头")).orElseThrow();
        Fingerprint chinese = TEXT.fingerprint(SyntheticTexts.chinese(5)).orElseThrow();
        assertThat(poem.distance(poemEdited)).isBetween(1, 14);
        assertThat(poem.distance(chinese)).isGreaterThan(20);
    }

    @Test
    void chineseIsShingledByCharacterAndEnglishByWord() {
        assertThat(TextFingerprinter.tokens("版权登记 Copyright-Registry, ２０２４!"))
                .containsExactly("版", "权", "登", "记", "copyright", "registry", "2024");
    }

    @Test
    void normalisingPieceByPieceGivesWhatNormalisingTheWholeTextGives() {
        // Far longer than one piece, with composing sequences, compatibility forms and CJK at every offset.
        String unit = "Cafe\u0301 ＡＢＣ ﬁne ① 版权登记 e\u0301\u0327x Å ｶﾞ 한글 ΟΔΟΣ\n㈱ x\u0323\u0307 ";
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 300_000; i++) {
            text.append(unit, 0, 1 + i % unit.length()).append(i);
        }
        String whole = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        List<String> expected = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        whole.codePoints().map(Character::toLowerCase).forEach(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean syllabic = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                    || script == Character.UnicodeScript.THAI;
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (syllabic || !(Character.isLetterOrDigit(cp) || mark)) {
                if (!word.isEmpty()) {
                    expected.add(word.toString());
                    word.setLength(0);
                }
                if (syllabic) {
                    expected.add(Character.toString(cp));
                }
            } else {
                word.appendCodePoint(cp);
            }
        });
        if (!word.isEmpty()) {
            expected.add(word.toString());
        }
        assertThat(TextFingerprinter.tokens(text.toString())).isEqualTo(expected);
    }

    @Test
    void aTwentyMillionCharacterTextIsFingerprintedInSeconds() {
        // About 20 million characters (a large novel is 1 to 2 million). Shingles are hashed as they arrive and the
        // text is normalised in pieces, so memory stays near 8 bytes per shingle plus the text itself.
        StringBuilder text = new StringBuilder(20_100_000);
        for (int i = 0; text.length() < 20_000_000; i++) {
            text.append(SyntheticTexts.ENGLISH[i % SyntheticTexts.ENGLISH.length]).append(' ').append(i % 977)
                    .append(i % 3 == 0 ? ". " : " ");
        }
        String big = text.toString();
        text = null;
        long start = System.nanoTime();
        assertThat(TEXT.fingerprint(big)).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void bytesAreDecodedAsUtf8WithOrWithoutBomOrAsGb18030OrUtf16() {
        long expected = bits(POEM_ZH);
        byte[] utf8 = POEM_ZH.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(TEXT.fingerprint(utf8)).get().extracting(Fingerprint::bits).isEqualTo(expected);
        assertThat(TEXT.fingerprint(bom)).get().extracting(Fingerprint::bits).isEqualTo(expected);
        assertThat(TEXT.fingerprint(POEM_ZH.getBytes(Charset.forName("GB18030")))).get()
                .extracting(Fingerprint::bits).isEqualTo(expected);
        // Java's "UTF-16" encoder writes a big-endian byte order mark.
        assertThat(TEXT.fingerprint(POEM_ZH.getBytes(StandardCharsets.UTF_16))).get()
                .extracting(Fingerprint::bits).isEqualTo(expected);
        byte[] le = POEM_ZH.getBytes(StandardCharsets.UTF_16LE);
        byte[] leBom = new byte[le.length + 2];
        leBom[0] = (byte) 0xff;
        leBom[1] = (byte) 0xfe;
        System.arraycopy(le, 0, leBom, 2, le.length);
        assertThat(TEXT.fingerprint(leBom)).get().extracting(Fingerprint::bits).isEqualTo(expected);
    }

    @Test
    void binaryContentHasNoTextFingerprint() {
        byte[] binary = new byte[4096];
        new java.util.SplittableRandom(3).nextBytes(binary);
        assertThat(TEXT.fingerprint(binary)).isEmpty();
        byte[] withNul = (PROSE_EN + "\u0000").getBytes(StandardCharsets.UTF_8);
        assertThat(TEXT.fingerprint(withNul)).isEmpty();
        // A PNG's bytes are not text either.
        assertThat(TEXT.fingerprint(SyntheticImages.png(SyntheticImages.scene(1)))).isEmpty();
    }

    @Test
    void theAlgorithmIsFrozen() {
        // Stored fingerprints are compared with new ones for ever: these values must never change. If this fails,
        // the algorithm changed and needs a new FingerprintKind rather than a new expected value.
        // FNV-1a 64 reference vectors (draft-eastlake-fnv), so the shingle hash is the published function.
        assertThat(TextFingerprinter.fnv1a64(new byte[0])).isEqualTo(0xcbf29ce484222325L);
        assertThat(TextFingerprinter.fnv1a64("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(TextFingerprinter.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x85944171f73967e8L);
        assertThat(TEXT.fingerprint(PROSE_EN).map(Fingerprint::hex)).isEqualTo(Optional.of(FROZEN_PROSE));
        assertThat(TEXT.fingerprint(POEM_ZH).map(Fingerprint::hex)).isEqualTo(Optional.of(FROZEN_POEM));
    }

    private static final String FROZEN_PROSE = "15f6894aac61ea96";
    private static final String FROZEN_POEM = "448cc05ac0d8c19f";
}
