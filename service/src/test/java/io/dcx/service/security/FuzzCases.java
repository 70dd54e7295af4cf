package io.dcx.service.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.security.ApiOperations.Operation;
import io.dcx.service.security.ApiOperations.Param;
import io.dcx.service.security.RawHttp.Request;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The bad requests of the fuzz run, built for one operation from its OpenAPI description, deterministically from a
 * seed. Each case says what it expects:
 * <ul>
 *   <li>{@link Expect#REFUSE}: bad by construction (malformed, wrong type, invalid Unicode, NUL, too large, wrong
 *       content type...): a 4xx problem with a code, and nothing changes;</li>
 *   <li>{@link Expect#UNAUTHENTICATED}: a missing or forged token: 401 {@code UNAUTHENTICATED};</li>
 *   <li>{@link Expect#MAY_ACCEPT}: odd but possibly valid (an emoji or right-to-left text, an empty optional member,
 *       a search for "../x"): any answer but a 5xx, and a 4xx is still a problem with a code;</li>
 *   <li>{@link Expect#HTTP_LAYER}: refused by the HTTP server (Vert.x) before the application: a request line, header
 *       or body beyond quarkus.http.limits. Any 4xx (414, 431, 413: not problem+json, the application never sees the
 *       request), or the connection closed while the client is still sending, which is how an early 413 reaches a
 *       client that writes its whole body first; never a 5xx, never a change.</li>
 * </ul>
 */
final class FuzzCases {
    static final int ONE_MB = 1_000_000;

    enum Expect { REFUSE, UNAUTHENTICATED, MAY_ACCEPT, HTTP_LAYER }

    record Case(String operation, String what, Request request, Expect expect) {
    }

    /** Members of the bodies documented only as a string (the endpoints read the JSON themselves). */
    static final Map<String, Map<String, String>> KNOWN_MEMBERS = Map.of(
            "POST /api/v1/works/{workId}/editions", members("count", "integer", "issuePriceFen", "integer"),
            "POST /api/v1/works/{workId}/licences", members("licenseeId", "string", "scope", "object", "feeFen",
                    "integer", "validFrom", "string", "validUntil", "string"),
            "POST /api/v1/works/{workId}/disputes", members("claim", "string", "evidenceWorkId", "string"),
            "POST /api/v1/disputes/{id}/decision", members("action", "string", "reason", "string"),
            "PUT /api/v1/risk/settings", members("velocityMaxTrades", "integer", "velocityWindow", "string"));

    /** String values that are not valid text: each must be refused wherever a text member is read. */
    static final Map<String, byte[]> INVALID_TEXT = new LinkedHashMap<>();
    /** Odd but valid text: the service may store it. */
    static final Map<String, String> ODD_TEXT = new LinkedHashMap<>();

    static {
        INVALID_TEXT.put("lone high surrogate (JSON escape)", ascii("\"a\\ud800b\""));
        INVALID_TEXT.put("lone low surrogate (JSON escape)", ascii("\"\\udc00\""));
        INVALID_TEXT.put("NUL (JSON escape)", ascii("\"a\\u0000b\""));
        INVALID_TEXT.put("surrogate as raw UTF-8 bytes (CESU)", bytes('"', 0xED, 0xA0, 0x80, '"'));
        INVALID_TEXT.put("overlong '/' (C0 AF)", bytes('"', '.', '.', 0xC0, 0xAF, '"'));
        INVALID_TEXT.put("overlong NUL (C0 80)", bytes('"', 'a', 0xC0, 0x80, '"'));
        INVALID_TEXT.put("invalid bytes FF FE", bytes('"', 0xFF, 0xFE, '"'));
        INVALID_TEXT.put("raw control character in a JSON string", bytes('"', 'a', 0x01, 'b', '"'));
        ODD_TEXT.put("right-to-left override", "invoice\u202Egnp.exe");
        ODD_TEXT.put("4-byte emoji and a ZWJ sequence", "\uD83D\uDE00\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08");
        ODD_TEXT.put("200 combining marks", "e" + "\u0301".repeat(200));
        ODD_TEXT.put("zero-width characters", "\u200B\u200D\uFEFFx");
        ODD_TEXT.put("terminal escape", "x\u001B[31mred\u0007");
        ODD_TEXT.put("script and SQL", "<script>alert(1)</script>' OR '1'='1");
    }

    private final Random random;
    private int serial;

    FuzzCases(long seed) {
        this.random = new Random(seed);
    }

    private static Map<String, String> members(String... nameType) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameType.length; i += 2) {
            m.put(nameType[i], nameType[i + 1]);
        }
        return m;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    /**
     * What an operation is called with: its path with values, the query that makes it a valid call, the token of a
     * role allowed to call it (null when public), the base body (JSON object; null when it takes none).
     */
    record Target(Operation op, String path, String query, String token, ObjectNode body,
            Map<String, String> members, String forgeryBase) {
    }

    /** Every case for one operation. */
    List<Case> cases(Target t, Map<String, String> forgedTokens, Map<String, String> pathValues) {
        List<Case> out = new ArrayList<>();
        Operation op = t.op();
        boolean multipart = op.contentType() != null && op.contentType().startsWith("multipart/");
        boolean json = op.contentType() != null && !multipart;
        byte[] base = json ? utf8(t.body().toString()) : null;
        String jsonType = "application/json";

        // Missing and forged tokens: the only thing wrong is the token, so a 401 is the token's doing.
        if (!op.isPublic()) {
            out.add(c(t, "no token", t.path() + q(t.query()), null, json ? jsonType : null, base,
                    Expect.UNAUTHENTICATED));
            out.add(c(t, "Basic credentials instead of a bearer token", t.path() + q(t.query()),
                    "Basic " + java.util.Base64.getEncoder().encodeToString(utf8("alice:dcx-demo")),
                    json ? jsonType : null, base, Expect.UNAUTHENTICATED));
            forgedTokens.forEach((name, token) -> out.add(c(t, "token: " + name, t.path() + q(t.query()),
                    "Bearer " + token, json ? jsonType : null, base, Expect.UNAUTHENTICATED)));
        } else {
            forgedTokens.forEach((name, token) -> out.add(c(t, "token on a public operation: " + name,
                    t.path() + q(t.query()), "Bearer " + token, null, null, Expect.MAY_ACCEPT)));
        }
        String auth = t.token() == null ? null : "Bearer " + t.token();
        String url = t.path() + q(t.query());

        if (json) {
            jsonBodyCases(t, out, auth, url, base);
        }
        if (multipart) {
            multipartCases(t, out, auth, url);
        }

        // Path parameters
        boolean safe = op.method().equals("get");
        for (Param p : op.in("path")) {
            for (Map.Entry<String, String> v : badPathValues().entrySet()) {
                String path = op.path();
                for (Param other : op.in("path")) {
                    path = path.replace("{" + other.name() + "}",
                            other.name().equals(p.name()) ? v.getValue() : pathValues.get(other.name()));
                }
                out.add(c(t, "path " + p.name() + " = " + v.getKey(), path + q(t.query()), auth,
                        json ? jsonType : null, base, safe ? Expect.MAY_ACCEPT : Expect.REFUSE));
            }
            String path = op.path().replace("{" + p.name() + "}", "a".repeat(9_000));
            for (Param other : op.in("path")) {
                path = path.replace("{" + other.name() + "}", pathValues.get(other.name()));
            }
            out.add(c(t, "path " + p.name() + " of 9,000 characters (beyond the request line limit)", path, auth,
                    json ? jsonType : null, base, Expect.HTTP_LAYER));
        }

        // Query parameters
        for (Param p : op.in("query")) {
            for (Map.Entry<String, String> v : badQueryValues().entrySet()) {
                out.add(c(t, "query " + p.name() + " = " + v.getKey(),
                        t.path() + q(withParam(t.query(), p.name(), v.getValue())), auth, json ? jsonType : null, base,
                        safe ? Expect.MAY_ACCEPT : Expect.REFUSE));
            }
        }

        // Headers the operation reads
        for (Param p : op.in("header")) {
            if (p.name().equalsIgnoreCase("Authorization")) {
                continue;
            }
            out.add(cHeader(t, "header " + p.name() + " empty", url, auth, json ? jsonType : null, base, p.name(), "",
                    Expect.MAY_ACCEPT));
            out.add(cHeader(t, "header " + p.name() + " of 3,000 characters", url, auth, json ? jsonType : null,
                    base, p.name(), "k".repeat(3_000), Expect.MAY_ACCEPT));
            out.add(cHeader(t, "header " + p.name() + " of 30,000 characters (beyond the header limit)", url, auth,
                    json ? jsonType : null, base, p.name(), "k".repeat(30_000), Expect.HTTP_LAYER));
        }
        return out;
    }

    private void jsonBodyCases(Target t, List<Case> out, String auth, String url, byte[] base) {
        String jsonType = "application/json";
        boolean strictType = "application/json".equals(t.op().contentType());
        // Malformed JSON
        Map<String, byte[]> malformed = new LinkedHashMap<>();
        for (String s : List.of("{", "}", "{\"a\":", "[1,2", "nul", "{'a':1}", "{\"a\":1,}", "{\"a\" 1}",
                "{\"a\":1}{\"b\":2}", "\"a string\"", "[]", "123", "null", "true", "", " ", "\t\r\n")) {
            malformed.put("malformed JSON `" + s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "`",
                    utf8(s));
        }
        malformed.put("nesting 100,000 deep", utf8("[".repeat(100_000)));
        malformed.put("objects nested 5,000 deep", utf8("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        malformed.put("a number of 5,000 digits", utf8("{\"x\":" + "9".repeat(5_000) + "}"));
        byte[] garbage = new byte[256];
        random.nextBytes(garbage);
        malformed.put("256 random bytes", garbage);
        if (!t.members().isEmpty()) {
            String first = t.members().keySet().iterator().next();
            malformed.put("member given twice", utf8(t.body().toString().replaceFirst("\\{",
                    "{\"" + first + "\":" + t.body().path(first).toString() + ",")));
        }
        malformed.forEach((what, body) -> out.add(c(t, what, url, auth, jsonType, body, Expect.REFUSE)));
        out.add(c(t, "body of 3 MB (beyond quarkus.http.limits.max-body-size)", url, auth, jsonType,
                utf8("{\"x\":\"" + "A".repeat(3_000_000) + "\"}"), Expect.HTTP_LAYER));
        out.add(c(t, "BOM before the JSON", url, auth, jsonType, concat(bytes(0xEF, 0xBB, 0xBF), base),
                Expect.MAY_ACCEPT));
        ObjectNode extra = t.body().deepCopy();
        extra.put("unexpectedMember", "x");
        out.add(c(t, "an unknown member", url, auth, jsonType, utf8(extra.toString()), Expect.MAY_ACCEPT));

        // Wrong content types
        Map<String, String> types = new LinkedHashMap<>();
        types.put("text/plain", "text/plain");
        types.put("application/xml", "application/xml");
        types.put("form-urlencoded", "application/x-www-form-urlencoded");
        types.put("multipart without its boundary", "multipart/form-data");
        types.put("a made-up type", "application/x-fuzz");
        types.put("an unparsable content type", "{}/;;;");
        types.forEach((what, type) -> out.add(c(t, "content type: " + what, url, auth, type, base,
                strictType ? Expect.REFUSE : Expect.MAY_ACCEPT)));
        // Lenient on purpose (JAX-RS reads a body without a content type by the method's @Consumes, and Jackson detects
        // the encoding from the bytes): the body is valid JSON as sent, so these may be accepted.
        out.add(c(t, "content type: none", url, auth, null, base, Expect.MAY_ACCEPT));
        out.add(c(t, "content type: json with charset UTF-16 (the bytes are UTF-8)", url, auth,
                "application/json; charset=UTF-16", base, Expect.MAY_ACCEPT));

        // Missing members
        out.add(c(t, "empty object", url, auth, jsonType, utf8("{}"), Expect.MAY_ACCEPT));
        for (String m : t.members().keySet()) {
            ObjectNode without = t.body().deepCopy();
            without.remove(m);
            out.add(c(t, "without " + m, url, auth, jsonType, utf8(without.toString()), Expect.MAY_ACCEPT));
        }

        // Each member: wrong types, huge and empty strings, Unicode edge cases
        JsonNodeFactory f = JsonNodeFactory.instance;
        for (Map.Entry<String, String> m : t.members().entrySet()) {
            String name = m.getKey();
            String type = m.getValue();
            Map<String, JsonNode> wrong = new LinkedHashMap<>();
            wrong.put("an object", f.objectNode().put("a", 1));
            wrong.put("an array", f.arrayNode().add(1).add("x"));
            wrong.put("a 1e400 number", f.numberNode(new java.math.BigDecimal("1e400")));
            wrong.put("a 30-digit integer", f.numberNode(new java.math.BigInteger("123456789012345678901234567890")));
            if (!type.equals("string")) {
                wrong.put("a string", f.textNode("x"));
                wrong.put("a numeric string", f.textNode("100"));
                wrong.put("a boolean", f.booleanNode(true));
                wrong.put("a fraction", f.numberNode(1.5));
            }
            wrong.forEach((what, value) -> {
                ObjectNode b = t.body().deepCopy();
                b.set(name, value);
                // A number where text belongs is read as its text by Jackson's scalar coercion (7 becomes "7"),
                // left so on purpose: the text is one the client could have sent.
                boolean coercible = type.equals("string") && (what.contains("number") || what.contains("integer"))
                        || type.equals("any")
                        || type.equals("object") && what.equals("an object");
                out.add(c(t, name + " = " + what, url, auth, jsonType, utf8(b.toString()),
                        coercible ? Expect.MAY_ACCEPT : Expect.REFUSE));
            });
            Map<String, JsonNode> odd = new LinkedHashMap<>();
            odd.put("null", f.nullNode());
            odd.put("-1", f.numberNode(-1));
            if (type.equals("string")) {
                odd.put("a number (coercible)", f.numberNode(7));
                odd.put("a boolean (coercible)", f.booleanNode(false));
            }
            odd.forEach((what, value) -> {
                ObjectNode b = t.body().deepCopy();
                b.set(name, value);
                out.add(c(t, name + " = " + what, url, auth, jsonType, utf8(b.toString()), Expect.MAY_ACCEPT));
            });
            if (!type.equals("string") && !type.equals("any")) {
                continue;
            }
            ObjectNode huge = t.body().deepCopy();
            huge.put(name, hugeText());
            out.add(c(t, name + " = a 1 MB string", url, auth, jsonType, utf8(huge.toString()), Expect.REFUSE));
            ObjectNode empty = t.body().deepCopy();
            empty.put(name, "");
            out.add(c(t, name + " = empty string", url, auth, jsonType, utf8(empty.toString()), Expect.MAY_ACCEPT));
            INVALID_TEXT.forEach((what, raw) -> out.add(c(t, name + " = " + what, url, auth, jsonType,
                    withRaw(t.body(), name, raw), Expect.REFUSE)));
            ODD_TEXT.forEach((what, text) -> {
                ObjectNode b = t.body().deepCopy();
                b.put(name, text);
                out.add(c(t, name + " = " + what, url, auth, jsonType, utf8(b.toString()), Expect.MAY_ACCEPT));
            });
        }
    }

    private void multipartCases(Target t, List<Case> out, String auth, String url) {
        // A valid upload would register a work: every case below breaks one thing of it.
        List<Object[]> parts = new ArrayList<>();
        parts.add(new Object[] {"no file part", null, "title", "fuzz", "kind", "OTHER"});
        parts.add(new Object[] {"empty file", new byte[0], "title", "fuzz", "kind", "OTHER"});
        parts.add(new Object[] {"no title", file(), "kind", "OTHER"});
        parts.add(new Object[] {"no kind", file(), "title", "fuzz"});
        parts.add(new Object[] {"title empty", file(), "title", "", "kind", "OTHER"});
        parts.add(new Object[] {"title of 1 MB", file(), "title", hugeText(), "kind", "OTHER"});
        parts.add(new Object[] {"kind unknown", file(), "title", "fuzz", "kind", "SCULPTURE"});
        parts.add(new Object[] {"kind empty", file(), "title", "fuzz", "kind", ""});
        parts.add(new Object[] {"kind of 1 MB", file(), "title", "fuzz", "kind", hugeText()});
        parts.add(new Object[] {"kind NUL", file(), "title", "fuzz", "kind", "OTHER\u0000"});
        parts.add(new Object[] {"metadata malformed", file(), "title", "fuzz", "kind", "OTHER", "metadata", "{"});
        parts.add(new Object[] {"metadata an array", file(), "title", "fuzz", "kind", "OTHER", "metadata", "[]"});
        parts.add(new Object[] {"metadata creators a string", file(), "title", "fuzz", "kind", "OTHER", "metadata",
                "{\"creators\":\"x\"}"});
        parts.add(new Object[] {"metadata creators of wrong types", file(), "title", "fuzz", "kind", "OTHER",
                "metadata", "{\"creators\":[{\"accountId\":1,\"shareBps\":\"x\"}]}"});
        parts.add(new Object[] {"metadata parents a number", file(), "title", "fuzz", "kind", "OTHER", "metadata",
                "{\"parents\":5}"});
        parts.add(new Object[] {"metadata parent ../x", file(), "title", "fuzz", "kind", "OTHER", "metadata",
                "{\"parents\":[\"../x\"]}"});
        parts.add(new Object[] {"metadata nested 5,000 deep", file(), "title", "fuzz", "kind", "OTHER", "metadata",
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)});
        parts.add(new Object[] {"metadata of 1 MB", file(), "title", "fuzz", "kind", "OTHER", "metadata",
                "{\"d\":\"" + hugeText() + "\"}"});
        parts.add(new Object[] {"metadata with a NUL escape", file(), "title", "fuzz", "kind", "OTHER", "metadata",
                "{\"description\":\"a\\u0000b\"}"});
        parts.add(new Object[] {"metadata with a lone surrogate escape", file(), "title", "fuzz", "kind", "OTHER",
                "metadata", "{\"description\":\"a\\ud800b\"}"});
        parts.add(new Object[] {"not an image as IMAGE", file(), "title", "fuzz", "kind", "IMAGE"});
        for (Object[] p : parts) {
            Map<String, byte[]> fields = new LinkedHashMap<>();
            for (int i = 2; i < p.length; i += 2) {
                fields.put((String) p[i], utf8((String) p[i + 1]));
            }
            out.add(multipart(t, "upload: " + p[0], url, auth, fields, (byte[]) p[1], Expect.REFUSE));
        }
        // Text that is not valid UTF-8 or contains NUL, as the raw bytes of the title part
        Map<String, byte[]> rawTitles = new LinkedHashMap<>();
        rawTitles.put("NUL", bytes('a', 0, 'b'));
        rawTitles.put("surrogate as raw UTF-8 bytes (CESU)", bytes('a', 0xED, 0xA0, 0x80));
        rawTitles.put("overlong '/' (C0 AF)", bytes('a', 0xC0, 0xAF));
        rawTitles.put("invalid bytes FF FE", bytes(0xFF, 0xFE));
        rawTitles.forEach((what, raw) -> {
            Map<String, byte[]> fields = new LinkedHashMap<>();
            fields.put("title", raw);
            fields.put("kind", utf8("OTHER"));
            out.add(multipart(t, "upload: title " + what, url, auth, fields, file(), Expect.REFUSE));
        });
        ODD_TEXT.forEach((what, text) -> {
            Map<String, byte[]> fields = new LinkedHashMap<>();
            fields.put("title", utf8(text));
            fields.put("kind", utf8("OTHER"));
            out.add(multipart(t, "upload: title " + what, url, auth, fields, file(), Expect.MAY_ACCEPT));
        });
        // Wrong content types
        out.add(c(t, "upload as JSON", url, auth, "application/json",
                utf8("{\"title\":\"fuzz\",\"kind\":\"OTHER\",\"file\":\"AAAA\"}"), Expect.REFUSE));
        out.add(c(t, "upload as text/plain", url, auth, "text/plain", utf8("fuzz"), Expect.REFUSE));
        out.add(c(t, "upload as form-urlencoded", url, auth, "application/x-www-form-urlencoded",
                utf8("title=fuzz&kind=OTHER&file=AAAA"), Expect.REFUSE));
        out.add(c(t, "upload: multipart without a boundary", url, auth, "multipart/form-data",
                RawHttp.multipart("b0undary", Map.of("title", utf8("fuzz")), file(), "text/plain"), Expect.REFUSE));
        byte[] whole = RawHttp.multipart("b0undary", Map.of("title", utf8("fuzz"), "kind", utf8("OTHER")), file(),
                "text/plain");
        out.add(c(t, "upload: multipart cut short", url, auth, "multipart/form-data; boundary=b0undary",
                java.util.Arrays.copyOf(whole, whole.length - 30), Expect.REFUSE));
        out.add(c(t, "upload: multipart of random bytes", url, auth, "multipart/form-data; boundary=b0undary",
                randomBytes(512), Expect.REFUSE));
    }

    private Case multipart(Target t, String what, String url, String auth, Map<String, byte[]> fields, byte[] file,
            Expect expect) {
        String boundary = "fuzz" + Long.toHexString(random.nextLong());
        return c(t, what, url, auth, "multipart/form-data; boundary=" + boundary,
                RawHttp.multipart(boundary, fields, file, "application/octet-stream"), expect);
    }

    /** Bytes no upload has had before (a file part that would register if nothing else were wrong). */
    private byte[] file() {
        return randomBytes(64);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String hugeText() {
        return "長".repeat(ONE_MB / 3);
    }

    /** Bad in a path segment and in a query value alike (already percent-encoded where it must be). */
    private static Map<String, String> badTextValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("3,000 characters", "a".repeat(3_000));
        v.put("-1", "-1");
        v.put("not a number", "abc");
        v.put("a 30-digit number", "123456789012345678901234567890");
        v.put("encoded surrogate (CESU)", "%ED%A0%80");
        v.put("overlong '/' %C0%AF", "%C0%AF");
        v.put("invalid %FF%FE", "%FF%FE");
        v.put("right-to-left override", "%E2%80%AEx");
        v.put("emoji", "%F0%9F%98%80");
        v.put("SQL", "x'%20OR%20'1'%3D'1");
        return v;
    }

    static Map<String, String> badPathValues() {
        Map<String, String> v = badTextValues();
        v.put("0", "0");
        v.put("raw ../", "..%2F..%2F..%2Fetc%2Fpasswd");
        v.put("../ as segments", "../../x");
        v.put("encoded NUL %00", "%00");
        v.put("id%00.json", "wk%00.json");
        v.put("space", "a%20b");
        v.put("template left as is", "%7Bid%7D");
        return v;
    }

    static Map<String, String> badQueryValues() {
        Map<String, String> v = badTextValues();
        v.put("a fraction", "1.5");
        v.put("empty", "");
        v.put("../", "..%2F..%2Fetc%2Fpasswd");
        v.put("encoded NUL %00", "a%00b");
        return v;
    }

    private static String withParam(String query, String name, String value) {
        StringBuilder q = new StringBuilder();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (!pair.startsWith(name + "=")) {
                    q.append(q.isEmpty() ? "" : "&").append(pair);
                }
            }
        }
        return q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(value).toString();
    }

    private static String q(String query) {
        return query == null || query.isEmpty() ? "" : "?" + query;
    }

    private static byte[] withRaw(ObjectNode body, String member, byte[] rawJsonString) {
        ObjectNode b = body.deepCopy();
        b.put(member, "@@RAW@@");
        String text = b.toString();
        int at = text.indexOf("\"@@RAW@@\"");
        return concat(concat(utf8(text.substring(0, at)), rawJsonString), utf8(text.substring(at + 9)));
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Case c(Target t, String what, String url, String auth, String contentType, byte[] body, Expect expect) {
        return cHeader(t, what, url, auth, contentType, body, null, null, expect);
    }

    private Case cHeader(Target t, String what, String url, String auth, String contentType, byte[] body,
            String header, String headerValue, Expect expect) {
        Map<String, String> headers = RawHttp.headers("Authorization", auth, "Content-Type", contentType);
        boolean write = !t.op().method().equals("get");
        if (write) {
            headers.put("Idempotency-Key", "fuzz-" + (++serial) + "-" + Integer.toHexString(t.op().key().hashCode()));
        }
        if (header != null) {
            headers.put(header, headerValue);
        }
        byte[] b = body != null ? body : write ? new byte[0] : null;
        return new Case(t.op().key(), what, new Request(t.op().method().toUpperCase(), url, headers, b), expect);
    }
}
