package io.dcx.service.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's typed API client is generated from console/openapi.json at build time; this test keeps that
 * snapshot in step with the service's live /q/openapi. When it fails, the API changed: copy the document the
 * service build wrote (service/target/openapi/openapi.json) to console/openapi.json and rebuild; the console's
 * type check then shows every call that no longer fits.
 */
@QuarkusTest
class ConsoleApiSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SNAPSHOT = Path.of("..", "console", "openapi.json");

    @Test
    void theConsolesSnapshotIsTheServicesOpenApiDocument() throws IOException {
        assertTrue(Files.isRegularFile(SNAPSHOT), SNAPSHOT.toAbsolutePath() + " is missing");
        JsonNode snapshot = withoutServers(JSON.readTree(SNAPSHOT.toFile()));
        JsonNode live = withoutServers(JSON.readTree(given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString()));
        List<String> differences = new ArrayList<>();
        compare("", snapshot, live, differences);
        if (!differences.isEmpty()) {
            fail("console/openapi.json differs from /q/openapi in " + differences.size() + " places, first: "
                    + differences.subList(0, Math.min(10, differences.size()))
                    + ". Copy service/target/openapi/openapi.json to console/openapi.json and rebuild the console.");
        }
    }

    /**
     * What depends on where the service runs is not part of the API: the servers the build names and the identity
     * provider's address in the security schemes (the test Keycloak is on another port than the one of the build).
     */
    private static JsonNode withoutServers(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        document.path("components").path("securitySchemes").forEach(scheme -> {
            if (scheme.has("openIdConnectUrl")) {
                ((ObjectNode) scheme).put("openIdConnectUrl", "<the identity provider>");
            }
        });
        return document;
    }

    private static void compare(String at, JsonNode snapshot, JsonNode live, List<String> out) {
        if (snapshot.isObject() && live.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = snapshot.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = live.get(e.getKey());
                if (other == null) {
                    out.add(at + "/" + e.getKey() + " only in the snapshot");
                } else {
                    compare(at + "/" + e.getKey(), e.getValue(), other, out);
                }
            }
            live.fieldNames().forEachRemaining(name -> {
                if (!snapshot.has(name)) {
                    out.add(at + "/" + name + " only in the service");
                }
            });
        } else if (!snapshot.equals(live)) {
            out.add(at + " differs");
        }
    }
}
