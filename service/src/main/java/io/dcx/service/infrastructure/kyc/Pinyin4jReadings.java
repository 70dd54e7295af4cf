package io.dcx.service.infrastructure.kyc;

import io.dcx.service.domain.kyc.HanziReadings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin readings from pinyin4j's dictionary (com.belerweb:pinyin4j, about 20,000 characters of the basic CJK
 * block). Characters outside the Basic Multilingual Plane have no readings here and are compared as written.
 */
@ApplicationScoped
public class Pinyin4jReadings implements HanziReadings {
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private final Map<Integer, List<String>> cache = new ConcurrentHashMap<>();

    public Pinyin4jReadings() {
        readingsOf('张'); // loads the dictionary once, up front, instead of in the first request
    }

    @Override
    public List<String> readingsOf(int codePoint) {
        return cache.computeIfAbsent(codePoint, Pinyin4jReadings::lookUp);
    }

    private static List<String> lookUp(int codePoint) {
        if (!Character.isBmpCodePoint(codePoint)) {
            return List.of();
        }
        try {
            String[] readings;
            synchronized (FORMAT) { // pinyin4j's lazy dictionary loading is not written for concurrent first use
                readings = PinyinHelper.toHanyuPinyinStringArray((char) codePoint, FORMAT);
            }
            return readings == null ? List.of() : Arrays.stream(readings).distinct().toList();
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin4j refused its own format", e);
        }
    }
}
