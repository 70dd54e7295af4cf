package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.dcx.service.application.ledger.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The works API on the embedded ledger, with identities from {@code @TestSecurity}. Every refused request is
 * checked to leave no work row and no new block behind.
 */
@QuarkusTest
class WorkResourceTest {

    @Inject
    Ledger ledger;

    @Inject
    EntityManager em;

    static byte[] uniqueBytes() {
        return ("artwork " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static ValidatableResponse upload(byte[] bytes, String title, String kind, String metadata) {
        var request = given().multiPart("file", "work.png", bytes, "image/png");
        if (title != null) {
            request = request.multiPart("title", title);
        }
        if (kind != null) {
            request = request.multiPart("kind", kind);
        }
        if (metadata != null) {
            request = request.multiPart("metadata", metadata);
        }
        return request.when().post("/api/v1/works").then();
    }

    private long workRows() {
        return (Long) em.createQuery("select count(w) from WorkEntity w").getSingleResult();
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void registersAWorkAndShowsItsChainFacts() throws Exception {
        byte[] bytes = TestImages.png(TestImages.freshScene());
        long heightBefore = ledger.height();

        String id = upload(bytes, "Sunrise over the Bund", "image", "{\"year\":2026,\"medium\":\"digital\"}")
                .statusCode(201)
                .header("Location", notNullValue())
                .body("contentHash", equalTo(sha256(bytes)))
                .body("status", equalTo("ACTIVE"))
                .body("kind", equalTo("IMAGE"))
                .body("txId", notNullValue())
                .body("registeredAt", notNullValue())
                .body("creators", hasSize(1))
                .body("creators[0].shareBps", equalTo(10000))
                .body("metadata.year", equalTo(2026))
                .extract().path("id");

        Number block = given().get("/api/v1/works/" + id).then().statusCode(200)
                .body("title", equalTo("Sunrise over the Bund"))
                .extract().path("blockNumber");
        assertThat(block.longValue()).isGreaterThanOrEqualTo(heightBefore);

        given().get("/api/v1/works/" + id + "/provenance").then().statusCode(200)
                .body("workId", equalTo(id))
                .body("entries", hasSize(1))
                .body("entries[0].action", equalTo("REGISTERED"))
                .body("entries[0].blockNumber", equalTo(block.intValue()))
                .body("entries[0].txId", notNullValue());

        given().queryParam("contentHash", sha256(bytes).toUpperCase()).get("/api/v1/works").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(id));
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void anExactDuplicateIsRefusedNamingTheEarlierWork() {
        byte[] bytes = TestImages.png(TestImages.freshScene());
        String first = upload(bytes, "Original", "IMAGE", null).statusCode(201).extract().path("id");
        long rows = workRows();
        long height = ledger.height();

        upload(bytes, "Copy", "IMAGE", null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("DUPLICATE_CONTENT"))
                .body("existingWorkId", equalTo(first));

        assertThat(workRows()).isEqualTo(rows);
        assertThat(ledger.height()).isEqualTo(height);
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void badInputIsAProblemAndWritesNothing() {
        long rows = workRows();
        long height = ledger.height();

        upload(new byte[0], "Empty", "IMAGE", null).statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("EMPTY_FILE"));
        upload(uniqueBytes(), null, "IMAGE", null).statusCode(400).body("code", equalTo("INVALID_TITLE"));
        upload(uniqueBytes(), "   ", "IMAGE", null).statusCode(400).body("code", equalTo("INVALID_TITLE"));
        upload(uniqueBytes(), "x".repeat(201), "IMAGE", null).statusCode(400).body("code", equalTo("INVALID_TITLE"));
        upload(uniqueBytes(), "Kindless", null, null).statusCode(400).body("code", equalTo("INVALID_KIND"));
        upload(uniqueBytes(), "Wrong kind", "hologram", null).statusCode(400)
                .body("code", equalTo("INVALID_KIND"))
                .body("detail", startsWith("unknown kind"));
        upload(uniqueBytes(), "Broken metadata", "IMAGE", "{\"year\": ").statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("type", notNullValue());
        upload(uniqueBytes(), "Array metadata", "IMAGE", "[1,2]").statusCode(400)
                .body("code", equalTo("INVALID_METADATA"));
        given().multiPart("title", "No file").multiPart("kind", "IMAGE").post("/api/v1/works").then()
                .statusCode(400).body("code", equalTo("EMPTY_FILE"));
        given().contentType("application/json").body("{\"title\":\"json\"}").post("/api/v1/works").then()
                .statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));

        assertThat(workRows()).isEqualTo(rows);
        assertThat(ledger.height()).isEqualTo(height);
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void aTraderMayReadButNotRegister() {
        long height = ledger.height();
        upload(uniqueBytes(), "Not mine to register", "IMAGE", null)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
        assertThat(ledger.height()).isEqualTo(height);

        given().get("/api/v1/works/wk_doesnotexist").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("WORK_NOT_FOUND"));
        given().get("/api/v1/works/" + "bad id!").then().statusCode(404).body("code", equalTo("WORK_NOT_FOUND"));
        given().queryParam("contentHash", "not-a-hash").get("/api/v1/works").then().statusCode(400)
                .body("code", equalTo("INVALID_CONTENT_HASH"));
    }

    @Test
    void withoutATokenEverythingIsUnauthenticated() {
        long height = ledger.height();
        upload(uniqueBytes(), "Anonymous", "IMAGE", null)
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/works/wk_anything").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        assertThat(ledger.height()).isEqualTo(height);
    }

    @Test
    void healthOpenApiAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
