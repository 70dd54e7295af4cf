package io.dcx.service.domain.kyc;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fuzzy name screening that treats 张三, "Zhang San", "zhangsan", "San ZHANG" and "Zhāng Sān" as one name.
 *
 * <p>Every name is reduced to romanised keys: NFKC, lower case, tone marks and other diacritics removed, ü and v
 * read as u; Chinese characters become their pinyin (every reading of a polyphonic character such as 曾 or 单,
 * up to {@value #MAX_READING_COMBINATIONS} combinations); separators (spaces, middle dots, hyphens, apostrophes)
 * split words. Each rotation of the words is a key too, so surname-first and given-name-first orders meet
 * ("Feng Ouyang" and 欧阳锋). Two names match when any pair of keys is at least {@code threshold} similar, the
 * similarity being {@code 1 - levenshtein / longer length}: one typo in an eight-letter name still matches at
 * 0.85, while 张三 and 张伟 (zhangsan, zhangwei) do not.
 *
 * <p>A hit never decides anything by itself: it sends the submission to a human reviewer.
 */
public final class WatchListMatcher {
    static final int MAX_READING_COMBINATIONS = 16;

    private final HanziReadings readings;
    private final double threshold;

    public WatchListMatcher(HanziReadings readings, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1]");
        }
        this.readings = readings;
        this.threshold = threshold;
    }

    /** The list with every name's keys worked out once. */
    public Screen compile(WatchList list) {
        List<CompiledName> names = new ArrayList<>();
        for (WatchListEntry entry : list.entries()) {
            for (String name : entry.names()) {
                Set<String> keys = keys(name);
                if (!keys.isEmpty()) {
                    names.add(new CompiledName(entry.id(), name, keys));
                }
            }
        }
        return new Screen(List.copyOf(names));
    }

    /** A compiled watch list. */
    public final class Screen {
        private final List<CompiledName> names;

        private Screen(List<CompiledName> names) {
            this.names = names;
        }

        /** Hits for one submitted name, best first, at most one per list entry. */
        public List<WatchListHit> screen(String field, String name) {
            Set<String> probe = keys(name);
            List<WatchListHit> hits = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            List<WatchListHit> all = new ArrayList<>();
            for (CompiledName listed : names) {
                double best = bestSimilarity(probe, listed.keys());
                if (best >= threshold) {
                    all.add(new WatchListHit(listed.entryId(), listed.name(), field, round(best)));
                }
            }
            all.sort(Comparator.comparingDouble(WatchListHit::score).reversed());
            for (WatchListHit hit : all) {
                if (seen.add(hit.entryId())) {
                    hits.add(hit);
                }
            }
            return hits;
        }

        public int size() {
            return names.size();
        }
    }

    private record CompiledName(String entryId, String name, Set<String> keys) {
    }

    /** The romanised forms a name is compared by. */
    public Set<String> keys(String name) {
        List<List<String>> words = words(name);
        Set<String> keys = new LinkedHashSet<>();
        if (words.isEmpty()) {
            return keys;
        }
        for (List<String> spelling : spellings(words)) {
            for (int r = 0; r < spelling.size(); r++) {
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < spelling.size(); i++) {
                    key.append(spelling.get((i + r) % spelling.size()));
                }
                if (!key.isEmpty()) {
                    keys.add(key.toString());
                }
            }
        }
        return keys;
    }

    /**
     * The name as words, each word the alternatives it may be read as. A Chinese character is a word of its own
     * (a syllable); a run of Latin letters is one word.
     */
    private List<List<String>> words(String name) {
        if (name == null) {
            return List.of();
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<List<String>> words = new ArrayList<>();
        StringBuilder latin = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(latin, words);
                List<String> read = readings.readingsOf(cp).stream().map(WatchListMatcher::plainLatin)
                        .filter(r -> !r.isEmpty()).distinct().toList();
                words.add(read.isEmpty() ? List.of(new String(Character.toChars(cp))) : read);
            } else if (Character.isLetterOrDigit(cp)) {
                latin.appendCodePoint(cp);
            } else {
                flush(latin, words); // spaces, middle dots, hyphens, apostrophes, other punctuation
            }
        }
        flush(latin, words);
        return words;
    }

    private static void flush(StringBuilder latin, List<List<String>> words) {
        if (!latin.isEmpty()) {
            String plain = plainLatin(latin.toString());
            if (!plain.isEmpty()) {
                words.add(List.of(plain));
            }
            latin.setLength(0);
        }
    }

    /** Letters without diacritics; ü, u: and v all read as u, so lü, lv and lu meet. */
    static String plainLatin(String s) {
        String decomposed = Normalizer.normalize(s.replace("u:", "u"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('v', 'u').replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Every combination of the words' alternatives, at most MAX_READING_COMBINATIONS. */
    private static List<List<String>> spellings(List<List<String>> words) {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (List<String> alternatives : words) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String alternative : alternatives) {
                    if (next.size() >= MAX_READING_COMBINATIONS) {
                        break;
                    }
                    List<String> extended = new ArrayList<>(prefix);
                    extended.add(alternative);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    private static double bestSimilarity(Set<String> a, Set<String> b) {
        double best = 0;
        for (String x : a) {
            for (String y : b) {
                best = Math.max(best, similarity(x, y));
                if (best == 1.0) {
                    return best;
                }
            }
        }
        return best;
    }

    /** {@code 1 - levenshtein(a, b) / max(|a|, |b|)}. */
    public static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1.0;
        }
        return 1.0 - (double) levenshtein(a, b) / longer;
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
