package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dcx.service.domain.Work;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Download of a work's file: its creators get the bytes, everyone else a 404 as for a missing work. */
@QuarkusTest
class WorkContentTest {

    @Inject
    RegistrationFixtures fixtures;

    private Work aliceAndDavesWork(byte[] bytes) {
        String metadata = "{\"creators\":[{\"accountId\":\"" + fixtures.account("alice").value()
                + "\",\"shareBps\":5000},{\"accountId\":\"" + fixtures.account("dave").value()
                + "\",\"shareBps\":5000}]}";
        return fixtures.registered("alice", bytes, "Joint work", "IMAGE", metadata, "image/png");
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void theRegistrantDownloadsTheExactBytes() {
        byte[] png = TestImages.png(TestImages.freshScene());
        String id = given().multiPart("file", "mine.png", png, "image/png").multiPart("title", "Mine")
                .multiPart("kind", "IMAGE").post("/api/v1/works").then().statusCode(201).extract().path("id");
        byte[] downloaded = given().get("/api/v1/works/" + id + "/content").then()
                .statusCode(200)
                .contentType("image/png")
                .header("ETag", "\"" + RegistrationFixtures.sha256(png) + "\"")
                .header("Content-Length", String.valueOf(png.length))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(png);

        byte[] dataset = ("a,b\n1," + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String datasetId = given().multiPart("file", "d.csv", dataset, "text/csv").multiPart("title", "Data")
                .multiPart("kind", "DATASET").post("/api/v1/works").then().statusCode(201).extract().path("id");
        assertThat(given().get("/api/v1/works/" + datasetId + "/content").then().statusCode(200)
                .contentType("text/csv").extract().asByteArray()).isEqualTo(dataset);
    }

    @Test
    @TestSecurity(user = "dave", roles = "creator")
    void aCoCreatorDownloadsToo() {
        byte[] png = TestImages.png(TestImages.freshScene());
        Work work = aliceAndDavesWork(png);
        assertThat(given().get("/api/v1/works/" + work.id() + "/content").then().statusCode(200)
                .extract().asByteArray()).isEqualTo(png);
    }

    @Test
    @TestSecurity(user = "carol", roles = {"creator", "trader"})
    void anyoneElseGetsNotFound() {
        Work work = aliceAndDavesWork(TestImages.png(TestImages.freshScene()));
        // The work itself is public; its file is not.
        given().get("/api/v1/works/" + work.id()).then().statusCode(200);
        given().get("/api/v1/works/" + work.id() + "/content").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("WORK_NOT_FOUND"));
        given().get("/api/v1/works/wk_doesnotexist/content").then().statusCode(404)
                .body("code", equalTo("WORK_NOT_FOUND"));
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void operatorsDoNotDownloadRegisteredWorks() {
        Work work = aliceAndDavesWork(TestImages.png(TestImages.freshScene()));
        given().get("/api/v1/works/" + work.id() + "/content").then().statusCode(404);
    }

    @Test
    void withoutATokenItIs401() {
        given().get("/api/v1/works/wk_anything/content").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }
}
