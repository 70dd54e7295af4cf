package io.dcx.service.infrastructure.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.domain.kyc.WatchList;
import io.dcx.service.domain.kyc.WatchListHit;
import io.dcx.service.domain.kyc.WatchListMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The matcher with the real pinyin dictionary. */
class WatchListMatcherTest {
    private static final Pinyin4jReadings PINYIN = new Pinyin4jReadings();
    private static final WatchListMatcher MATCHER = new WatchListMatcher(PINYIN, 0.85);
    private static final WatchListMatcher.Screen LIST = MATCHER.compile(WatchList.parse(List.of(
            "# test list",
            "WL-1 | 张三",
            "WL-2 | Ouyang Feng",
            "WL-3 | 吕不非",
            "WL-4 | 单田芳",
            "WL-5 | Ivan Petrov | Иван Петров",
            "WL-6 | 曾国强")));

    private static List<String> idsOf(String name) {
        return LIST.screen("name", name).stream().map(WatchListHit::entryId).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三", "Zhang San", "zhangsan", "ZHANG SAN", "San Zhang", "Zhāng Sān", "zhang·san",
            " 张 三 ", "章三", "Zhang Shan"})
    void aChineseEntryIsFoundByItsCharactersAndItsPinyinInAnyOrder(String name) {
        assertThat(idsOf(name)).containsExactly("WL-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"欧阳锋", "Ouyang Feng", "Feng Ouyang", "ouyangfeng", "Ou-yang Feng", "欧阳峰"})
    void aPinyinEntryIsFoundByChineseCharactersToo(String name) {
        assertThat(idsOf(name)).containsExactly("WL-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lü Bufei", "Lv Bufei", "lu bufei", "Lǚ Bùfēi", "吕不非"})
    void umlautSpellingsMeet(String name) {
        assertThat(idsOf(name)).containsExactly("WL-3");
    }

    @Test
    void everyReadingOfAPolyphonicSurnameIsTried() {
        assertThat(PINYIN.readingsOf('单')).contains("shan", "dan");
        assertThat(idsOf("Shan Tianfang")).containsExactly("WL-4");
        assertThat(idsOf("Dan Tianfang")).containsExactly("WL-4");
        assertThat(PINYIN.readingsOf('曾')).contains("zeng", "ceng");
        assertThat(idsOf("Zeng Guoqiang")).containsExactly("WL-6");
    }

    @Test
    void aTypoStillMatchesAndTheScoreSaysHowClose() {
        List<WatchListHit> exact = LIST.screen("name", "Ivan Petrov");
        List<WatchListHit> typo = LIST.screen("name", "Ivan Petrof");
        assertThat(exact).extracting(WatchListHit::entryId).containsExactly("WL-5");
        assertThat(exact.get(0).score()).isEqualTo(1.0);
        assertThat(typo).extracting(WatchListHit::entryId).containsExactly("WL-5");
        assertThat(typo.get(0).score()).isLessThan(1.0).isGreaterThanOrEqualTo(0.85);
        assertThat(idsOf("Иван Петров")).containsExactly("WL-5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"张伟", "Zhang Wei", "李四", "王芳", "Ivan Ivanov", "欧阳娜娜", "Chen Jing", "田芳"})
    void differentNamesAreNotHits(String name) {
        assertThat(idsOf(name)).isEmpty();
    }

    @Test
    void theFieldThatMatchedIsReported() {
        assertThat(LIST.screen("legalRepresentative", "张三")).singleElement()
                .satisfies(hit -> {
                    assertThat(hit.field()).isEqualTo("legalRepresentative");
                    assertThat(hit.listedName()).isEqualTo("张三");
                });
    }

    @Test
    void similarityIsOneMinusEditDistanceOverLength() {
        assertThat(WatchListMatcher.similarity("zhangsan", "zhangsan")).isEqualTo(1.0);
        assertThat(WatchListMatcher.similarity("zhangsan", "zhangshan")).isEqualTo(1 - 1 / 9.0);
        assertThat(WatchListMatcher.similarity("zhangsan", "zhangwei")).isEqualTo(1 - 3 / 8.0);
    }
}
