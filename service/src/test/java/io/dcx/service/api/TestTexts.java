package io.dcx.service.api;

import java.security.SecureRandom;

/** Chinese prose for the text-fingerprint tests: random sentences, and the same text laid out differently. */
final class TestTexts {
    private static final String CHARACTERS = "春江潮水连海平明月共生滟滟随波千万里何处无光流宛转绕芳甸花林皆似霰空里霜飞不觉汀上白沙看见"
            + "天一色纤尘皎皎中孤轮畔人初照年人生代穷已只相望但送长水白云去悠扁舟子楼思谁家今夜可怜徘徊应离妆镜台玉户帘卷"
            + "捣衣砧拂还来此时闻愿逐君鸿雁度鱼龙潜跃成文昨闲潭梦落半归斜沉藏雾碣石潇湘限路乘几摇情满树上海市东方明珠外滩"
            + "黄浦江南京路豫园城隍庙弄堂石库门梧桐小笼包生煎馒头阿拉侬好吃饭睡觉工作学习读书写字画图唱歌跳舞电影音乐";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTexts() {
    }

    /** About 600 characters in sentences of 7, each ended by a full stop or comma, 4 sentences a line. */
    static String freshChineseText() {
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 80; sentence++) {
            for (int i = 0; i < 7; i++) {
                text.append(CHARACTERS.charAt(RANDOM.nextInt(CHARACTERS.length())));
            }
            text.append(sentence % 2 == 0 ? '，' : '。');
            if (sentence % 4 == 3) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** The copier's version: other line breaks, spaces, half-width punctuation, a title line added. */
    static String reformatted(String text) {
        String flat = text.replace("\n", "").replace('，', ',').replace('。', '.');
        StringBuilder out = new StringBuilder("转载  \r\n\r\n");
        for (int i = 0; i < flat.length(); i++) {
            out.append(flat.charAt(i));
            if (i % 37 == 36) {
                out.append("\r\n    ");
            } else if (i % 11 == 10) {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
