package io.dcx.service.domain.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Varied synthetic texts, English and Chinese, drawn from fixed vocabularies with a Zipf-like word frequency (so
 * distinct texts share common words and word pairs, as real ones do), and the edits a copier makes to a text.
 */
final class SyntheticTexts {
    static final String[] ENGLISH = ("the of and to in a is that for it as was with be by on not he this are or his "
            + "from at which but have an had they you were their one all we can her has there been if more when will "
            + "would who so no she other its may these new some time could only two into them than first then any "
            + "like over after most made also did many before must through back years where much your way well down "
            + "should because each just those people how too little state good very make world still own see men work "
            + "long here get both between life being under never day same another know while last might great old "
            + "year off come since against go came right used take three place himself few house use during without "
            + "again home around small however found thought went say part once general high upon school every don "
            + "does got united left number course war until always away something fact though water less public put "
            + "think almost hand enough far took head yet government system better set told nothing night end why "
            + "called didn eyes find going look asked later knew point next program city business give group toward "
            + "young days let room president side social given present several order national possible rather second "
            + "face per among form important often things looked early white case john become large big need four "
            + "within felt along children saw best church ever least power development light thing seemed family "
            + "interest want members mind country area others done turned although open god service certain kind "
            + "problem began different door thus help sense means whole matter perhaps itself york times law human "
            + "line above name example action company hands local show whether five history gave today either act "
            + "feet across taken past quite anything seen having death experience body word half really week field "
            + "car words already information tell college shall together money period held keep sure probably free "
            + "seems political real behind cannot miss question air office making brought whose special heard major "
            + "problems ago became federal moment study available known result street economic boy position reason "
            + "change south board individual job areas society west close turn love community true court force full "
            + "harbour copyright painting river market studio silver garden morning window winter summer letter").split(" ");

    static final String[] CHINESE = ("的 是 在 我们 他们 一个 没有 这个 时候 中国 自己 已经 可以 因为 所以 但是 如果 "
            + "还是 什么 知道 现在 工作 发展 问题 社会 经济 国家 人民 生活 历史 文化 城市 上海 北京 市场 企业 技术 "
            + "研究 教育 学生 老师 朋友 家庭 孩子 父母 时间 地方 世界 方法 情况 关系 作品 版权 作者 艺术 音乐 电影 "
            + "画家 设计 图片 故事 小说 诗歌 读者 出版 书店 图书馆 博物馆 展览 收藏 价值 交易 平台 数字 资产 登记 "
            + "保护 权利 法律 规定 合同 许可 授权 创作 作曲 摄影 风景 山水 河流 大海 天空 月亮 太阳 星星 春天 夏天 "
            + "秋天 冬天 早上 晚上 今天 明天 昨天 美丽 安静 热闹 温暖 寒冷 高兴 希望 梦想 记忆 回家 旅行 火车 飞机 "
            + "街道 公园 花园 树木 花朵 雨水 雪花 清晨 黄昏 窗户 门口 桌子 灯光 声音 颜色 红色 蓝色 绿色 白色 黑色 "
            + "慢慢 突然 终于 一起 一直 常常 非常 特别 重要 需要 开始 结束 继续 选择 决定 相信 发现 认为 觉得 看见 "
            + "听说 告诉 喜欢 学习 写作 阅读 思考 讨论 表达 描写 记录 分享 传播 管理 服务 信息 网络 系统 数据 标准 "
            + "质量 安全 风险 监管 机构 部门 政府 政策 规则 制度 程序 过程 结果 原因 目标 计划 项目 方案 建议 意见 "
            + "老人 年轻人 姑娘 少年 母亲 父亲 兄弟 姐妹 邻居 村庄 田野 小路 山坡 江南 西湖 长江 黄河 茶馆 书法 "
            + "京剧 旗袍 灯笼 饺子 月饼 春节 中秋 端午 元宵 故乡 远方 青春 岁月 人生 命运 心情 眼泪 微笑 温柔 勇敢 "
            + "一 二 三 十 百 千 万 年 月 日 人 心 手 水 火 山 风 雨 花 草 鸟 鱼 天 地 光 影 梦 爱 诗 画 歌 书 字 "
            + "走 来 去 看 听 说 想 写 读 问 答 笑 哭 等 找 给 用 做 住 回").split(" ");

    private SyntheticTexts() {
    }

    /** Zipf-like choice: low indexes (common words) are much more likely. */
    private static String pick(String[] vocabulary, SplittableRandom random) {
        double u = random.nextDouble();
        return vocabulary[(int) (vocabulary.length * u * u * u)];
    }

    /** An English text of 120 to 400 words in paragraphs of sentences, with numbers now and then. */
    static String english(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        int words = 120 + random.nextInt(280);
        StringBuilder text = new StringBuilder();
        int sentence = 0;
        int paragraph = 0;
        int sentenceLength = 6 + random.nextInt(14);
        for (int i = 0; i < words; i++) {
            String word = random.nextInt(40) == 0 ? Integer.toString(random.nextInt(3000)) : pick(ENGLISH, random);
            if (sentence == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            text.append(word);
            sentence++;
            if (sentence == sentenceLength || i == words - 1) {
                text.append(random.nextInt(8) == 0 ? "?" : ".");
                sentence = 0;
                sentenceLength = 6 + random.nextInt(14);
                paragraph++;
                if (paragraph >= 3 && random.nextInt(3) == 0) {
                    text.append("\n\n");
                    paragraph = 0;
                } else {
                    text.append(' ');
                }
            } else if (random.nextInt(9) == 0) {
                text.append(", ");
            } else {
                text.append(' ');
            }
        }
        return text.toString().strip();
    }

    /** A Chinese text of 200 to 900 characters with full-width punctuation and numbers now and then. */
    static String chinese(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 37 + 11);
        int target = 200 + random.nextInt(700);
        StringBuilder text = new StringBuilder();
        int clause = 0;
        int sentences = 0;
        while (text.length() < target) {
            text.append(random.nextInt(50) == 0 ? Integer.toString(1900 + random.nextInt(125)) + "年"
                    : pick(CHINESE, random));
            clause++;
            if (clause >= 3 + random.nextInt(6)) {
                clause = 0;
                int p = random.nextInt(10);
                if (p < 5) {
                    text.append('，');
                } else {
                    text.append(p < 8 ? '。' : p < 9 ? '！' : '？');
                    sentences++;
                    if (sentences >= 3 && random.nextInt(3) == 0) {
                        text.append("\n\n");
                        sentences = 0;
                    }
                }
            }
        }
        return text.append('。').toString();
    }

    // ---- edits ----

    /** Joins the lines and wraps again at another width, with doubled spaces and indentation (layout only). */
    static String reflow(String text, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String flat = text.replaceAll("\\s+", " ");
        int width = 20 + random.nextInt(60);
        StringBuilder out = new StringBuilder("    ");
        int column = 0;
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            boolean cjk = c > 0x2e80;
            if (column >= width && (c == ' ' || cjk)) {
                out.append(random.nextBoolean() ? "\r\n" : "\n").append(random.nextInt(4) == 0 ? "  " : "");
                column = 0;
                if (c == ' ') {
                    continue;
                }
            }
            out.append(c == ' ' && random.nextInt(5) == 0 ? "  " : String.valueOf(c));
            column++;
        }
        return out.append('\n').toString();
    }

    /** Changes punctuation: swaps full-width and ASCII marks, drops some commas, changes some full stops. */
    static String punctuation(String text, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '，' -> out.append(random.nextInt(3) == 0 ? "" : random.nextBoolean() ? "," : "、");
                case '。' -> out.append(random.nextBoolean() ? "." : "；");
                case ',' -> out.append(random.nextInt(3) == 0 ? "" : random.nextBoolean() ? ";" : " -");
                case '.' -> out.append(random.nextBoolean() ? "!" : ".");
                case '?' -> out.append("?!");
                default -> {
                    out.append(c);
                    if (c == ' ' && random.nextInt(25) == 0) {
                        out.append("\"");
                    }
                }
            }
        }
        return out.toString();
    }

    /** Replaces, deletes or inserts about {@code share} of the words (English) or characters (Chinese). */
    static String edits(String text, double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean chinese = text.chars().anyMatch(c -> c > 0x2e80);
        List<String> units = new ArrayList<>();
        if (chinese) {
            text.codePoints().forEach(cp -> units.add(Character.toString(cp)));
        } else {
            for (String word : text.split(" ")) {
                units.add(word);
            }
        }
        List<String> out = new ArrayList<>();
        for (String unit : units) {
            if (!unit.isBlank() && random.nextDouble() < share) {
                String other = chinese ? randomCharacter(random) : pick(ENGLISH, random);
                switch (random.nextInt(3)) {
                    case 0 -> out.add(other);                 // replace
                    case 1 -> { }                             // delete
                    default -> {                              // insert
                        out.add(unit);
                        out.add(other);
                    }
                }
            } else {
                out.add(unit);
            }
        }
        return String.join(chinese ? "" : " ", out);
    }

    private static String randomCharacter(SplittableRandom random) {
        String word = pick(CHINESE, random);
        int at = random.nextInt(word.length());
        return word.substring(at, at + 1);
    }

    /** ASCII letters and digits to their full-width forms (as some Chinese input methods type them). */
    static String fullWidth(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isLetterOrDigit(c) && c < 0x80 ? (char) (c - 0x21 + 0xff01) : c);
        }
        return out.toString();
    }

    /** Everything a pure re-formatting does at once: reflow, punctuation, full-width forms and upper case. */
    static String reformatted(String text, long seed) {
        return fullWidth(punctuation(reflow(text, seed), seed + 1).toUpperCase(java.util.Locale.ROOT));
    }
}
