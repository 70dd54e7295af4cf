package io.dcx.service.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of the service's own OpenAPI document ({@code /q/openapi?format=json}), read at run time, so an
 * endpoint added later is enumerated without editing the tests that use this.
 */
final class ApiOperations {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One parameter of an operation: name, where ({@code path}, {@code query}, {@code header}), schema type. */
    record Param(String name, String in, String type) {
    }

    /**
     * One operation. {@code contentType} is the first request body media type (null: no body); {@code properties}
     * the members of an object body with their schema types ({@code string}, {@code integer}, {@code object},
     * {@code array}, {@code boolean}, {@code any} for a free JSON node); a body documented only as a string (the
     * endpoints that parse their JSON themselves) has none here, see {@link FuzzCases#knownMembers}.
     */
    record Operation(String method, String path, List<Param> params, String contentType,
            Map<String, String> properties, List<String> roles) {
        String key() {
            return method.toUpperCase() + " " + path;
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean isPublic() {
            return roles == null;
        }
    }

    private ApiOperations() {
    }

    static JsonNode document() {
        try {
            return JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Operation> all() {
        JsonNode doc = document();
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : METHODS) {
                JsonNode op = p.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode param : op.path("parameters")) {
                    params.add(new Param(param.path("name").asText(), param.path("in").asText(),
                            typeOf(doc, param.path("schema"))));
                }
                JsonNode content = op.path("requestBody").path("content");
                String type = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                Map<String, String> props = new LinkedHashMap<>();
                if (type != null && !content.path(type).path("schema").path("$ref").asText().endsWith("/JsonNode")) {
                    JsonNode schema = resolve(doc, content.path(type).path("schema"));
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> prop = it.next();
                        props.put(prop.getKey(), typeOf(doc, prop.getValue()));
                    }
                }
                List<String> roles = null;
                JsonNode security = op.get("security");
                if (security != null && security.isArray() && !security.isEmpty()) {
                    roles = new ArrayList<>();
                    for (Iterator<JsonNode> it = security.get(0).elements(); it.hasNext(); ) {
                        for (JsonNode r : it.next()) {
                            roles.add(r.asText());
                        }
                    }
                }
                out.add(new Operation(method, p.getKey(), List.copyOf(params), type, props, roles));
            }
        }
        return out;
    }

    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        int depth = 0;
        while (schema.has("$ref") && depth++ < 10) {
            schema = doc.path("components").path("schemas")
                    .path(schema.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        if (schema.has("allOf")) {
            return resolve(doc, schema.get("allOf").get(0));
        }
        return schema;
    }

    static String typeOf(JsonNode doc, JsonNode schema) {
        if (schema.path("$ref").asText().endsWith("/JsonNode")) {
            return "any"; // a member the endpoint reads as a raw JSON node (amounts: integers only)
        }
        JsonNode s = resolve(doc, schema);
        if (s.has("enum")) {
            return "string";
        }
        JsonNode type = s.path("type");
        String t = type.isArray() ? type.get(0).asText() : type.asText();
        if (t.isEmpty()) {
            return "any";
        }
        if ("object".equals(t) && !s.has("properties") && !s.has("additionalProperties")) {
            return "any";
        }
        return t;
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
