package io.dcx.service.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a registered work is. The same names are used on chain. */
public enum WorkKind {
    IMAGE, VIDEO, AUDIO, TEXT, FILM_TV_RIGHTS, DATASET, OTHER;

    public static WorkKind parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_KIND, "kind is required, one of " + names());
        }
        String normalised = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace('/', '_');
        for (WorkKind kind : values()) {
            if (kind.name().equals(normalised)) {
                return kind;
            }
        }
        throw new DcxException(ErrorCode.INVALID_KIND, "unknown kind '" + text + "', expected one of " + names());
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
