package io.dcx.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;

/**
 * Reads request bodies strictly. Money: only an integer JSON number is an amount of fen. {@code 10.5}, {@code 1e3},
 * {@code "100"}, {@code true} and numbers beyond a long are refused rather than rounded or coerced.
 */
final class JsonInput {
    private JsonInput() {
    }

    static long fen(String field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT, field + ": required, a whole number of fen");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT,
                    field + ": must be a whole number of fen written as a JSON integer, not " + node);
        }
        return node.longValue();
    }

    /** Like {@link #fen} for an optional field: absent or null gives null. */
    static Long optionalFen(String field, JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : fen(field, node);
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "a JSON body is required");
        }
        return body;
    }
}
