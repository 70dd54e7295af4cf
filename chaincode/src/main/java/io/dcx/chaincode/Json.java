package io.dcx.chaincode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONParserConfiguration;
import org.json.JSONTokener;

/**
 * The contract's small, explicit JSON codec: every record is written field by field and read field by field, so
 * the JSON on the ledger is exactly what the Javadoc of each record says, and the service can parse it with any
 * JSON library (it uses Jackson).
 *
 * <p><b>Reading</b> uses org.json, because the shim already ships it (it is the library the shim itself uses for
 * arguments and metadata), so the chaincode package gains no dependency; Genson, which fabric-samples add, is not
 * part of shim 2.5.10. org.json is used in <em>strict mode</em>: unquoted or single-quoted strings, trailing
 * characters, trailing commas, duplicate keys and leading zeros are all rejected, which is what "malformed JSON
 * is refused with INVALID_ARGUMENT" needs. Values are then checked by type in {@link JsonFields}; nothing is bound
 * by reflection.
 *
 * <p><b>Writing</b> is done here, not by {@code JSONObject.toString()}: org.json keeps object members in a
 * {@code HashMap}, so member order is unspecified, while every endorsing peer must produce byte-identical values
 * for the endorsements to match. {@link Obj} keeps insertion order, numbers are integers only (amounts are in
 * fen), and strings are escaped the same way on every JVM.
 */
final class Json {
    private static final JSONParserConfiguration STRICT = new JSONParserConfiguration()
            .withStrictMode(true)
            .withMaxNestingDepth(32);

    private Json() {
    }

    /** Parses a JSON object argument; anything else (absent, blank, malformed, not an object) is INVALID_ARGUMENT. */
    static JsonFields parseObject(final String text, final String what) {
        if (text == null || text.isBlank()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(what + " is required (a JSON object)");
        }
        final String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            throw ErrorCode.INVALID_ARGUMENT.exception(what + " must be a JSON object");
        }
        try {
            return new JsonFields(new JSONObject(new JSONTokener(trimmed, STRICT), STRICT), "");
        } catch (JSONException | IllegalArgumentException e) {
            throw ErrorCode.INVALID_ARGUMENT.exception(what + " is not valid JSON: " + e.getMessage());
        }
    }

    /** Parses a record this contract stored itself. */
    static JsonFields parseStored(final byte[] bytes, final String what) {
        try {
            return new JsonFields(new JSONObject(
                    new JSONTokener(new String(bytes, StandardCharsets.UTF_8), STRICT), STRICT), "");
        } catch (JSONException e) {
            throw new IllegalStateException("stored " + what + " is not valid JSON", e);
        }
    }

    static Obj object() {
        return new Obj();
    }

    /** Text that is already JSON (a value this contract stored), embedded as is. */
    static Raw raw(final String json) {
        return new Raw(json);
    }

    /** A JSON array of {@code values}, written in list order. */
    static String array(final List<?> values) {
        final StringBuilder sb = new StringBuilder();
        write(sb, values);
        return sb.toString();
    }

    /** An ordered JSON object under construction. */
    static final class Obj {
        private final Map<String, Object> members = new LinkedHashMap<>();

        /** Adds a member; {@code value} is null, a String, Boolean, Integer, Long, Obj, Raw or a List of those. */
        Obj put(final String name, final Object value) {
            members.put(name, value);
            return this;
        }

        @Override
        public String toString() {
            final StringBuilder sb = new StringBuilder();
            write(sb, this);
            return sb.toString();
        }
    }

    /** Already-serialised JSON. */
    record Raw(String json) {
    }

    private static void write(final StringBuilder sb, final Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(sb, s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            sb.append(value);
        } else if (value instanceof Obj obj) {
            sb.append('{');
            boolean first = true;
            for (final Map.Entry<String, Object> member : obj.members.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, member.getKey());
                sb.append(':');
                write(sb, member.getValue());
            }
            sb.append('}');
        } else if (value instanceof Raw raw) {
            sb.append(raw.json());
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, list.get(i));
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value of this codec: " + value.getClass().getName());
        }
    }

    private static void quote(final StringBuilder sb, final String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Typed, checked access to the members of one parsed JSON object. Every accessor refuses a wrong type with
     * INVALID_ARGUMENT naming the member's path, for example {@code creators[1].shareBps}.
     */
    static final class JsonFields {
        private final JSONObject object;
        private final String path;

        private JsonFields(final JSONObject object, final String path) {
            this.object = object;
            this.path = path;
        }

        /** {@code element} as an object, or INVALID_ARGUMENT naming {@code elementPath}. */
        static JsonFields of(final Object element, final String elementPath) {
            if (element instanceof JSONObject o) {
                return new JsonFields(o, elementPath);
            }
            throw ErrorCode.INVALID_ARGUMENT.exception(elementPath + " must be a JSON object");
        }

        String path(final String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private Object value(final String name) {
            final Object v = object.opt(name);
            return v == null || JSONObject.NULL.equals(v) ? null : v;
        }

        boolean isNull(final String name) {
            return value(name) == null;
        }

        String string(final String name) {
            final Object v = value(name);
            if (v == null) {
                throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + " is required");
            }
            if (v instanceof String s) {
                return s;
            }
            throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + " must be a string");
        }

        /** The string member, or {@code absent} when it is missing or null. */
        String optionalString(final String name, final String absent) {
            return value(name) == null ? absent : string(name);
        }

        /** An optional string member; when present, the raw value if it is a string, else null. */
        String stringOrNull(final String name) {
            return value(name) instanceof String s ? s : null;
        }

        boolean bool(final String name) {
            final Object v = value(name);
            if (v == null) {
                throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + " is required");
            }
            if (v instanceof Boolean b) {
                return b;
            }
            throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + " must be true or false");
        }

        long integer(final String name, final long min, final long max) {
            final Object v = value(name);
            if (v == null) {
                throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + " is required");
            }
            final long n;
            if (v instanceof Integer i) {
                n = i;
            } else if (v instanceof Long l) {
                n = l;
            } else if (v instanceof Number) {
                throw ErrorCode.INVALID_ARGUMENT.exception(
                        path(name) + " must be a whole number between " + min + " and " + max);
            } else {
                throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + " must be a number");
            }
            if (n < min || n > max) {
                throw ErrorCode.INVALID_ARGUMENT.exception(
                        path(name) + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        }

        /** The integer member, or {@code absent} when it is missing or null. */
        Long optionalInteger(final String name, final long min, final long max, final Long absent) {
            return value(name) == null ? absent : Long.valueOf(integer(name, min, max));
        }

        JsonFields object(final String name) {
            final Object v = value(name);
            if (v == null) {
                throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + " is required");
            }
            return of(v, path(name));
        }

        /** The object member, or null when it is missing or null. */
        JsonFields optionalObject(final String name) {
            return value(name) == null ? null : object(name);
        }

        /** The elements of an array member, each a String, Boolean, Number, JSONObject, JSONArray or null. */
        List<Object> array(final String name, final int min, final int max) {
            final Object v = value(name);
            if (v == null) {
                throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + " is required");
            }
            if (!(v instanceof JSONArray a)) {
                throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + " must be an array");
            }
            if (a.length() < min || a.length() > max) {
                throw ErrorCode.INVALID_ARGUMENT.exception(
                        path(name) + " must have between " + min + " and " + max + " elements, had " + a.length());
            }
            final List<Object> elements = new ArrayList<>(a.length());
            for (int i = 0; i < a.length(); i++) {
                final Object e = a.opt(i);
                elements.add(JSONObject.NULL.equals(e) ? null : e);
            }
            return Collections.unmodifiableList(elements);
        }

        List<JsonFields> objects(final String name, final int min, final int max) {
            final List<Object> elements = array(name, min, max);
            final List<JsonFields> objects = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                objects.add(of(elements.get(i), path(name) + "[" + i + "]"));
            }
            return objects;
        }

        List<String> strings(final String name, final int min, final int max) {
            final List<Object> elements = array(name, min, max);
            final List<String> strings = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                if (!(elements.get(i) instanceof String s)) {
                    throw ErrorCode.INVALID_ARGUMENT.exception(path(name) + "[" + i + "] must be a string");
                }
                strings.add(s);
            }
            return strings;
        }
    }
}
