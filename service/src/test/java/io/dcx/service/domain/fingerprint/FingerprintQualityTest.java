package io.dcx.service.domain.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures how well the fingerprints tell copies from distinct works, and checks the thresholds configured in
 * application.properties ({@code dcx.similarity.image-max-distance}, {@code dcx.similarity.text-max-distance}) against
 * that measurement: at the configured threshold at least 95% of the copies made by each everyday edit must be caught
 * (distance to their original at most the threshold) and at most 1% of the pairs of distinct works flagged.
 *
 * <p>The corpus is generated here from fixed seeds: 200 synthetic scenes ({@link SyntheticImages}) and 200 texts,
 * half English, half Chinese ({@link SyntheticTexts}). "Distinct pairs" are all pairs of originals (for texts: of the
 * same language, the harder case); "copy vs others" compares every edited copy with every other original, which is
 * what a registration check does. The tables are printed as markdown and written to
 * {@code target/fingerprint-quality.md}; bench/results/fingerprint-quality.md is a copy of that output.
 */
class FingerprintQualityTest {
    private static final int IMAGES = 200;
    private static final int TEXTS = 200;
    private static final double MIN_CATCH = 0.95;
    private static final double MAX_FALSE_FLAGS = 0.01;
    private static final StringBuilder REPORT = new StringBuilder();

    private static final ImageFingerprinter IMAGE = new ImageFingerprinter();
    private static final TextFingerprinter TEXT = new TextFingerprinter();

    private static Properties config;

    @BeforeAll
    static void readConfiguredThresholds() throws IOException {
        // The scenes are drawn off screen, also on machines with a display.
        System.setProperty("java.awt.headless", "true");
        config = new Properties();
        try (InputStream in = FingerprintQualityTest.class.getResourceAsStream("/application.properties")) {
            config.load(in);
        }
    }

    private static int threshold(String key) {
        return Integer.parseInt(config.getProperty(key).strip());
    }

    /** Edits a copier makes every day: each must be caught. */
    private static Map<String, Function<BufferedImage, Long>> imageEdits() {
        Map<String, Function<BufferedImage, Long>> edits = new LinkedHashMap<>();
        edits.put("downscale 50%", i -> hash(SyntheticImages.scale(i, 0.5)));
        edits.put("upscale 150%", i -> hash(SyntheticImages.scale(i, 1.5)));
        edits.put("JPEG q50", i -> hash(SyntheticImages.jpeg(i, 0.5f)));
        edits.put("JPEG q75", i -> hash(SyntheticImages.jpeg(i, 0.75f)));
        edits.put("crop 3% each border", i -> hash(SyntheticImages.cropBorders(i, 0.03)));
        edits.put("crop 5% each border", i -> hash(SyntheticImages.cropBorders(i, 0.05)));
        edits.put("brightness +20%", i -> hash(SyntheticImages.brightness(i, 0.2)));
        edits.put("contrast x1.3", i -> hash(SyntheticImages.contrast(i, 1.3)));
        edits.put("contrast x0.7", i -> hash(SyntheticImages.contrast(i, 0.7)));
        edits.put("watermark", i -> hash(SyntheticImages.watermark(i)));
        return edits;
    }

    /** Harder edits, reported but not held to the 95%. */
    private static Map<String, Function<BufferedImage, Long>> imageStressEdits() {
        Map<String, Function<BufferedImage, Long>> edits = new LinkedHashMap<>();
        edits.put("crop 5% left+top", i -> hash(SyntheticImages.crop(i, 0.05, 0.05, 0, 0)));
        edits.put("rotate 1°", i -> hash(SyntheticImages.rotate(i, 1)));
        edits.put("rotate 1° + crop 3%", i -> hash(SyntheticImages.cropBorders(SyntheticImages.rotate(i, 1), 0.03)));
        edits.put("50% + q75 + watermark", i -> hash(SyntheticImages.jpeg(
                SyntheticImages.watermark(SyntheticImages.scale(i, 0.5)), 0.75f)));
        return edits;
    }

    private static long hash(BufferedImage image) {
        return IMAGE.fingerprint(image).orElseThrow().bits();
    }

    /** Through the byte path, as uploads arrive. */
    private static long hash(byte[] encoded) {
        return IMAGE.fingerprint(new ByteArrayInputStream(encoded)).orElseThrow().bits();
    }

    @Test
    void imageFingerprintsCatchEditedCopiesAndSeparateDistinctImages() throws IOException {
        Map<String, Function<BufferedImage, Long>> edits = imageEdits();
        Map<String, Function<BufferedImage, Long>> stress = imageStressEdits();
        List<String> names = new ArrayList<>(edits.keySet());
        names.addAll(stress.keySet());
        Map<String, Function<BufferedImage, Long>> all = new LinkedHashMap<>(edits);
        all.putAll(stress);

        long[] originals = new long[IMAGES];
        long[][] copies = new long[names.size()][IMAGES];
        // The two cores each take half of the scenes; every scene is generated from its own seed.
        IntStream.range(0, IMAGES).parallel().forEach(i -> {
            BufferedImage scene = SyntheticImages.scene(i);
            originals[i] = hash(SyntheticImages.png(scene));
            for (int e = 0; e < names.size(); e++) {
                copies[e][i] = all.get(names.get(e)).apply(scene);
            }
        });
        Quality quality = new Quality("Image (" + FingerprintKind.IMAGE_DCT64.wireName() + ")", originals, copies, names,
                edits.size(), (i, j) -> true);
        int chosen = threshold("dcx.similarity.image-max-distance");
        report(quality.table(chosen, "Distances between image fingerprints are always even (every hash has 32 bits "
                + "set), so an odd threshold catches what the even one below it catches."));
        quality.assertMeetsTargets(chosen);
    }

    @Test
    void textFingerprintsCatchEditedCopiesAndSeparateDistinctTexts() throws IOException {
        Map<String, Function<String, String>> edits = new LinkedHashMap<>();
        edits.put("reflow + spaces", t -> SyntheticTexts.reflow(t, t.length()));
        edits.put("punctuation", t -> SyntheticTexts.punctuation(t, t.length() + 1));
        edits.put("full-width forms", SyntheticTexts::fullWidth);
        edits.put("all of the above + upper case", t -> SyntheticTexts.reformatted(t, t.length() + 2));
        edits.put("2% edits", t -> SyntheticTexts.edits(t, 0.02, t.length() + 3));
        edits.put("5% edits", t -> SyntheticTexts.edits(t, 0.05, t.length() + 4));
        edits.put("5% edits + reformatted", t -> SyntheticTexts.reformatted(
                SyntheticTexts.edits(t, 0.05, t.length() + 5), t.length() + 6));
        List<String> names = new ArrayList<>(edits.keySet());

        long[] originals = new long[TEXTS];
        long[][] copies = new long[names.size()][TEXTS];
        for (int i = 0; i < TEXTS; i++) {
            String text = i % 2 == 0 ? SyntheticTexts.english(i) : SyntheticTexts.chinese(i);
            // Originals arrive as files: the Chinese ones in GB18030, to exercise the decoder's fallback.
            byte[] file = text.getBytes(i % 4 == 1 ? java.nio.charset.Charset.forName("GB18030") : StandardCharsets.UTF_8);
            originals[i] = TEXT.fingerprint(file).orElseThrow().bits();
            for (int e = 0; e < names.size(); e++) {
                copies[e][i] = TEXT.fingerprint(edits.get(names.get(e)).apply(text)).orElseThrow().bits();
            }
        }
        // Texts in different languages share no shingles; only same-language pairs say anything.
        Quality quality = new Quality("Text (" + FingerprintKind.TEXT_SIMHASH64.wireName() + ")", originals, copies,
                names, names.size(), (i, j) -> i % 2 == j % 2);
        int chosen = threshold("dcx.similarity.text-max-distance");
        report(quality.table(chosen, "Distinct pairs: the 9,900 pairs of originals in the same language (English "
                + "with English, Chinese with Chinese)."));
        quality.assertMeetsTargets(chosen);
    }

    private static synchronized void report(String table) throws IOException {
        System.out.println(table);
        REPORT.append(table).append('\n');
        Path out = Path.of("target", "fingerprint-quality.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "# Fingerprint quality (generated by FingerprintQualityTest)\n\n" + REPORT);
    }

    /** Rates at each threshold for one fingerprint kind. */
    private static final class Quality {
        interface PairFilter {
            boolean comparable(int i, int j);
        }

        private final String title;
        private final long[] originals;
        private final long[][] copies;
        private final List<String> names;
        private final int heldToTarget;
        /** distinctAtMost[t]: pairs of distinct originals within t; crossAtMost[t]: copies within t of another original. */
        private final long[] distinctAtMost = new long[65];
        private final long[] crossAtMost = new long[65];
        private long distinctPairs;
        private long crossPairs;

        Quality(String title, long[] originals, long[][] copies, List<String> names, int heldToTarget,
                PairFilter filter) {
            this.title = title;
            this.originals = originals;
            this.copies = copies;
            this.names = names;
            this.heldToTarget = heldToTarget;
            long[] distinct = new long[65];
            long[] cross = new long[65];
            int n = originals.length;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j || !filter.comparable(i, j)) {
                        continue;
                    }
                    if (i < j) {
                        distinct[Long.bitCount(originals[i] ^ originals[j])]++;
                        distinctPairs++;
                    }
                    for (int e = 0; e < heldToTarget; e++) {
                        cross[Long.bitCount(copies[e][i] ^ originals[j])]++;
                        crossPairs++;
                    }
                }
            }
            for (int d = 0; d <= 64; d++) {
                distinctAtMost[d] = distinct[d] + (d > 0 ? distinctAtMost[d - 1] : 0);
                crossAtMost[d] = cross[d] + (d > 0 ? crossAtMost[d - 1] : 0);
            }
        }

        double caught(int edit, int t) {
            int caught = 0;
            for (int i = 0; i < originals.length; i++) {
                if (Long.bitCount(copies[edit][i] ^ originals[i]) <= t) {
                    caught++;
                }
            }
            return caught / (double) originals.length;
        }

        double meanDistance(int edit) {
            double sum = 0;
            for (int i = 0; i < originals.length; i++) {
                sum += Long.bitCount(copies[edit][i] ^ originals[i]);
            }
            return sum / originals.length;
        }

        double caughtHeld(int t) {
            double sum = 0;
            for (int e = 0; e < heldToTarget; e++) {
                sum += caught(e, t);
            }
            return sum / heldToTarget;
        }

        double falseFlags(int t) {
            return distinctAtMost[t] / (double) distinctPairs;
        }

        double crossFlags(int t) {
            return crossAtMost[t] / (double) crossPairs;
        }

        /** The lowest threshold at which every held edit is caught >= 95% and false flags stay <= 1%. */
        int lowestMeetingTargets() {
            for (int t = 0; t <= SimilarityIndex.MAX_DISTANCE; t++) {
                boolean ok = falseFlags(t) <= MAX_FALSE_FLAGS && crossFlags(t) <= MAX_FALSE_FLAGS;
                for (int e = 0; e < heldToTarget; e++) {
                    ok &= caught(e, t) >= MIN_CATCH;
                }
                if (ok) {
                    return t;
                }
            }
            return -1;
        }

        String table(int chosen, String note) {
            StringBuilder out = new StringBuilder();
            out.append("## ").append(title).append("\n\n");
            out.append(String.format("%d originals; share of edited copies caught (distance <= t to their original), "
                    + "and share of distinct pairs flagged (distance <= t). Configured threshold: **%d**; lowest "
                    + "threshold meeting the targets (every edit above the line >= %.2f, flags <= %.2f): %d.%n%n",
                    originals.length, chosen, MIN_CATCH, MAX_FALSE_FLAGS, lowestMeetingTargets()));
            out.append("| edit | mean distance |");
            for (int t = 4; t <= 16; t++) {
                out.append(" t=").append(t).append(" |");
            }
            out.append("\n|---|---:|");
            out.append("---:|".repeat(13)).append('\n');
            for (int e = 0; e < names.size(); e++) {
                if (e == heldToTarget) {
                    out.append("| *stress cases (reported, not held to the target)* | |").append(" |".repeat(13))
                            .append('\n');
                }
                out.append("| ").append(names.get(e)).append(String.format(" | %.2f |", meanDistance(e)));
                for (int t = 4; t <= 16; t++) {
                    out.append(String.format(t == chosen ? " **%.3f** |" : " %.3f |", caught(e, t)));
                }
                out.append('\n');
            }
            out.append("| **all edits above the line** | |");
            for (int t = 4; t <= 16; t++) {
                out.append(String.format(" %.3f |", caughtHeld(t)));
            }
            out.append(String.format("%n| distinct pairs flagged (of %,d pairs; count) | |", distinctPairs));
            for (int t = 4; t <= 16; t++) {
                out.append(String.format(t == chosen ? " **%.4f** (%d) |" : " %.4f (%d) |", falseFlags(t),
                        distinctAtMost[t]));
            }
            out.append(String.format("%n| copy vs other originals flagged (of %,d pairs; count) | |", crossPairs));
            for (int t = 4; t <= 16; t++) {
                out.append(String.format(" %.5f (%d) |", crossFlags(t), crossAtMost[t]));
            }
            out.append(String.format("%n%nAt the configured threshold a lookup of one new work among 1,000,000 distinct "
                    + "ones would flag about %.0f of them if they were like this corpus (copy-vs-others rate x 1M).%n",
                    crossFlags(chosen) * 1_000_000));
            out.append('\n').append(note).append('\n');
            return out.toString();
        }

        void assertMeetsTargets(int chosen) {
            for (int e = 0; e < heldToTarget; e++) {
                assertThat(caught(e, chosen)).as("%s: share of '%s' copies caught at %d", title, names.get(e), chosen)
                        .isGreaterThanOrEqualTo(MIN_CATCH);
            }
            assertThat(falseFlags(chosen)).as("%s: distinct pairs flagged at %d", title, chosen)
                    .isLessThanOrEqualTo(MAX_FALSE_FLAGS);
            assertThat(crossFlags(chosen)).as("%s: copies flagged against other originals at %d", title, chosen)
                    .isLessThanOrEqualTo(MAX_FALSE_FLAGS);
        }
    }
}
