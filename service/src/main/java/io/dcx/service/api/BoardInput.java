package io.dcx.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Strict parsing of the board's request fields: enums by exact name, ISO-8601 instants, JSON integers. */
final class BoardInput {
    private BoardInput() {
    }

    static <E extends Enum<E>> E named(Class<E> type, String field, String value, ErrorCode code) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DcxException(code, field + ": not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String field, String value, ErrorCode code) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DcxException(code, field + ": not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    static Integer integer(String field, JsonNode node, ErrorCode code) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new DcxException(code, field + ": must be a JSON integer");
        }
        return node.intValue();
    }
}
