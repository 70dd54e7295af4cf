package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.dcx.service.domain.Work;
import io.dcx.service.domain.fingerprint.ImageFingerprinter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** GET /api/v1/works/{id}/thumbnail: a small JPEG of an IMAGE work for every role, cacheable; 404 otherwise. */
@QuarkusTest
class WorkThumbnailTest {
    private static final ImageFingerprinter FINGERPRINTER = new ImageFingerprinter();

    @Inject
    RegistrationFixtures fixtures;
    @ConfigProperty(name = "dcx.data-dir")
    Path dataDir;

    private String thumbnailOf(String workId) {
        return "/api/v1/works/" + workId + "/thumbnail";
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void anImageWorkHasAJpegAtMost320PixelsWideWithItsAspectKept() {
        BufferedImage scene = TestImages.freshScene();
        String id = given().multiPart("file", "scene.png", TestImages.png(scene), "image/png")
                .multiPart("title", "Thumbnail " + UUID.randomUUID()).multiPart("kind", "IMAGE")
                .post("/api/v1/works").then().statusCode(201).extract().path("id");

        Response first = given().get(thumbnailOf(id)).then().statusCode(200)
                .contentType("image/jpeg")
                .header("Cache-Control", containsString("private"))
                .header("Cache-Control", containsString("max-age=86400"))
                .header("X-Content-Type-Options", "nosniff")
                .extract().response();
        BufferedImage thumbnail = TestImages.decode(first.asByteArray());
        assertThat(scene.getWidth()).isEqualTo(640);
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(240);
        // It is a picture of the work, not just any 320 x 240 JPEG.
        assertThat(FINGERPRINTER.fingerprint(thumbnail).orElseThrow()
                .distance(FINGERPRINTER.fingerprint(scene).orElseThrow())).isLessThanOrEqualTo(6);

        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get(thumbnailOf(id)).then().statusCode(304);
        // Served again (from the cache) with the same bytes.
        assertThat(given().get(thumbnailOf(id)).then().statusCode(200).extract().asByteArray())
                .isEqualTo(first.asByteArray());
    }

    @Test
    @TestSecurity(user = "alice", roles = "creator")
    void aSmallImageIsNotEnlarged() {
        byte[] small = TestImages.resizedJpeg(TestImages.freshScene(), 200, 0.9f);
        Work work = fixtures.registered("alice", small, "Small", "IMAGE", null, "image/jpeg");
        BufferedImage thumbnail = TestImages.decode(given().get(thumbnailOf(work.id())).then().statusCode(200)
                .extract().asByteArray());
        assertThat(thumbnail.getWidth()).isEqualTo(200);
        assertThat(thumbnail.getHeight()).isEqualTo(150);
    }

    @Test
    @TestSecurity(user = "bob", roles = "trader")
    void everyRoleMayReadIt() {
        Work work = fixtures.registered("alice", TestImages.png(TestImages.freshScene()), "For the board", "IMAGE",
                null, "image/png");
        given().get(thumbnailOf(work.id())).then().statusCode(200).contentType("image/jpeg");
        // the file itself stays with its creators
        given().get("/api/v1/works/" + work.id() + "/content").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void nonImagesUnknownWorksAndFilesNotHeldAre404Problems() throws IOException {
        byte[] dataset = ("a,b\n1," + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Work csv = fixtures.registered("alice", dataset, "Data", "DATASET", null, "text/csv");
        given().get(thumbnailOf(csv.id())).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NO_THUMBNAIL"));

        given().get(thumbnailOf("wk_doesnotexist")).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("WORK_NOT_FOUND"));

        Work image = fixtures.registered("alice", TestImages.png(TestImages.freshScene()), "Gone", "IMAGE", null,
                "image/png");
        String hex = image.contentHash();
        Files.delete(dataDir.resolve("content").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex));
        given().get(thumbnailOf(image.id())).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("CONTENT_NOT_FOUND"));
    }

    @Test
    void withoutATokenItIs401() {
        given().get(thumbnailOf("wk_anything")).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
