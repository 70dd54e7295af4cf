package io.dcx.service.domain.kyc;

import java.util.List;

/**
 * The pinyin readings of a Chinese character, without tones, in lower case, {@code ü} written as {@code v}: for
 * example 张 is {@code [zhang]}, 曾 is {@code [zeng, ceng]}. Empty for characters the dictionary does not know.
 * Implemented over a pinyin dictionary outside the domain.
 */
@FunctionalInterface
public interface HanziReadings {
    List<String> readingsOf(int codePoint);
}
