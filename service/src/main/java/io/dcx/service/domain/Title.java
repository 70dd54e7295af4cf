package io.dcx.service.domain;

/**
 * A work's title: 1 to 200 characters after trimming, no control characters, and only well-formed text: no
 * unpaired surrogate, no U+FFFD (what a multipart part that was not valid UTF-8 decodes to).
 */
public record Title(String value) {
    public static final int MAX_LENGTH = 200;

    public Title {
        if (value == null || value.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_TITLE, "title is required");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new DcxException(ErrorCode.INVALID_TITLE, "title is longer than " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new DcxException(ErrorCode.INVALID_TITLE, "title contains control characters");
        }
        if (value.indexOf('\uFFFD') >= 0 || !Texts.wellFormed(value)) {
            throw new DcxException(ErrorCode.INVALID_TITLE, "title is not valid UTF-8 text");
        }
    }
}
