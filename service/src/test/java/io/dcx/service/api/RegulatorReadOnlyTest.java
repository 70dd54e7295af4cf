package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.application.ledger.Ledger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The regulator is refused every write the API has. The write operations are not listed here: they are read from
 * the service's own OpenAPI document, so an endpoint added later is covered without editing this test. Each is
 * called as a regulator with a plausible body (built from its request schema) and must answer 403 problem+json,
 * with every table's row count and the ledger height unchanged.
 *
 * <p>Every path is a template of the document, so it always routes: a 404 would mean the id in it was looked up,
 * i.e. the role check did not come first, and is a failure here. (An unknown path would answer 404 to anyone,
 * before any role check, and 401 without a token; neither can occur for paths taken from the document.)
 *
 * <p>Operations a regulator may call by design, though they are POSTs, are {@link #REGULATOR_ACTIONS}: they read,
 * and write only their own record (an audit event, a reconciliation report), never the books or the chain.
 */
@QuarkusTest
class RegulatorReadOnlyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    /** POSTs that are look-ups by design (design.md section 4): resolving an account, running a reconciliation. */
    static final Set<String> REGULATOR_ACTIONS = Set.of(
            "POST /api/v1/regulator/look-through",
            "POST /api/v1/audit/reconciliation");

    @Inject
    EntityManager em;

    @Inject
    Ledger ledger;

    record Operation(String method, String path, String contentType, JsonNode body) {
        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    static List<Operation> writeOperations() throws Exception {
        JsonNode doc = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!WRITE_METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                String type = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                JsonNode schema = type == null ? null : content.path(type).path("schema");
                out.add(new Operation(op.getKey(), p.getKey(), type,
                        schema == null ? null : sample(doc, schema, 0)));
            }
        }
        return out;
    }

    /** A plausible value for a schema: every property filled, the first enum value, small numbers. */
    static JsonNode sample(JsonNode doc, JsonNode schema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return depth > 5 ? f.nullNode() : sample(doc, doc.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.has("allOf")) {
            return sample(doc, schema.get("allOf").get(0), depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        switch (type) {
            case "object" -> {
                ObjectNode o = f.objectNode();
                Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> prop = props.next();
                    o.set(prop.getKey(), sample(doc, prop.getValue(), depth + 1));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = f.arrayNode();
                if (schema.has("items")) {
                    a.add(sample(doc, schema.get("items"), depth + 1));
                }
                return a;
            }
            case "integer", "number" -> {
                return f.numberNode(100);
            }
            case "boolean" -> {
                return f.booleanNode(true);
            }
            default -> {
                if ("date-time".equals(schema.path("format").asText())) {
                    return f.textNode("2030-01-01T00:00:00Z");
                }
                if ("binary".equals(schema.path("format").asText())) {
                    return f.textNode("binary");
                }
                return f.textNode("regulator probe");
            }
        }
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "acc_0123456789abcdef01234567");
    }

    private static Response call(RequestSpecification spec, Operation op) {
        RequestSpecification r = spec.header("Idempotency-Key", "regulator-probe-" + op.key().hashCode());
        if (op.contentType() != null && op.contentType().startsWith("multipart/")) {
            r = r.multiPart("file", "probe.txt", "probe".getBytes(), "text/plain").multiPart("title", "probe")
                    .multiPart("kind", "TEXT");
        } else if (op.contentType() != null) {
            String type = op.contentType().contains("*") ? "application/json" : op.contentType();
            r = r.contentType(type).body((op.body() == null ? "{}" : op.body().toString())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return r.request(op.method().toUpperCase(), concrete(op.path()));
    }

    /** Row counts of every table (the main ones and every other) and the ledger height. */
    private Map<String, Long> state() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<String> tables = em.createNativeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename <> 'flyway_schema_history' ORDER BY tablename").getResultList();
            for (String t : tables) {
                counts.put(t, ((Number) em.createNativeQuery("SELECT count(*) FROM \"" + t + "\"")
                        .getSingleResult()).longValue());
            }
            counts.put("(ledger height)", ledger.height());
            return counts;
        });
    }

    @Test
    @TestSecurity(user = "regulator-probe", roles = "regulator")
    void everyWriteOperationInTheOpenApiDocumentIsForbiddenToTheRegulatorAndChangesNothing() throws Exception {
        List<Operation> writes = writeOperations();
        assertThat(writes).extracting(Operation::key).contains("POST /api/v1/works", "POST /api/v1/listings");
        assertThat(writes.size()).isGreaterThanOrEqualTo(30); // 30 when written (issue 8)

        Map<String, Long> before = state();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Operation op : writes) {
            if (REGULATOR_ACTIONS.contains(op.key())) {
                continue;
            }
            Response r = call(given(), op);
            statuses.put(op.key(), r.statusCode());
            if (r.statusCode() == 403) {
                assertThat(r.contentType()).as(op.key()).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("code")).as(op.key()).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(statuses).as("status by write operation").allSatisfy((op, status) ->
                assertThat(status).as(op).isEqualTo(403));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void ritasRealTokenIsRefusedASampleOfWrites() throws Exception {
        String rita = RealKeycloakTest.tokenFor("rita");
        List<Operation> sample = writeOperations().stream().filter(op -> Set.of("POST /api/v1/works",
                "POST /api/v1/listings", "PUT /api/v1/risk/settings", "POST /api/v1/accounts/me/deposits",
                "POST /api/v1/board/halts").contains(op.key())).toList();
        assertThat(sample).hasSizeGreaterThanOrEqualTo(3);
        Map<String, Long> before = state();
        for (Operation op : sample) {
            call(given().auth().oauth2(rita), op).then().statusCode(403);
        }
        assertThat(state()).isEqualTo(before);
    }
}
