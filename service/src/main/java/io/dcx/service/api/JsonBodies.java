package io.dcx.service.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of JSON request bodies. Amounts and counts must be JSON integers (not strings, not decimals: "12.5"
 * or 12.5 fen is refused rather than rounded), flags must be JSON booleans, members the endpoint does not know are
 * refused (a misspelt optional member would otherwise be silently ignored), and a member given twice is malformed.
 */
final class JsonBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBodies() {
    }

    static ObjectNode object(String body, Set<String> members) {
        if (body == null || body.isBlank()) {
            throw new DcxException(ErrorCode.MALFORMED_JSON, "a JSON object is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DcxException(ErrorCode.MALFORMED_JSON, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "the body must be a JSON object");
        }
        rejectUnknown((ObjectNode) node, members, "");
        return (ObjectNode) node;
    }

    static void rejectUnknown(ObjectNode node, Set<String> members, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                throw new DcxException(ErrorCode.INVALID_REQUEST, "unknown member '" + prefix + name
                        + "'; expected " + new TreeSet<>(members).stream().map(m -> prefix + m).toList());
            }
        }
    }

    static long wholeNumber(JsonNode parent, String name, ErrorCode code) {
        JsonNode value = required(parent, name, code);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new DcxException(code, name + " must be a whole number written as a JSON integer, was " + value);
        }
        return value.longValue();
    }

    static int wholeInt(JsonNode parent, String name, ErrorCode code) {
        long value = wholeNumber(parent, name, code);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new DcxException(code, name + " is out of range, was " + value);
        }
        return (int) value;
    }

    static boolean bool(JsonNode parent, String name, ErrorCode code) {
        JsonNode value = required(parent, name, code);
        if (!value.isBoolean()) {
            throw new DcxException(code, name + " must be true or false, was " + value);
        }
        return value.booleanValue();
    }

    static String text(JsonNode parent, String name, ErrorCode code) {
        JsonNode value = required(parent, name, code);
        if (!value.isTextual()) {
            throw new DcxException(code, name + " must be a JSON string, was " + value);
        }
        return value.textValue();
    }

    /** A string member that may be absent or null. */
    static String optionalText(JsonNode parent, String name, ErrorCode code) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new DcxException(code, name + " must be a JSON string, was " + value);
        }
        return value.textValue();
    }

    static ObjectNode object(JsonNode parent, String name, ErrorCode code) {
        JsonNode value = required(parent, name, code);
        if (!value.isObject()) {
            throw new DcxException(code, name + " must be a JSON object, was " + value);
        }
        return (ObjectNode) value;
    }

    private static JsonNode required(JsonNode parent, String name, ErrorCode code) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw new DcxException(code, name + " is required");
        }
        return value;
    }
}
